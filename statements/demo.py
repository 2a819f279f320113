"""Demo content for the statements app."""


def build(home):
    """Create this app's demo pages under the home page (only what is missing)."""
