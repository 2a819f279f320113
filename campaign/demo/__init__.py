"""Demo content for the campaign app, one module per feature."""

from . import events


def build(home):
    """Create this app's demo pages under the home page (only what is missing)."""
    events.build(home)
