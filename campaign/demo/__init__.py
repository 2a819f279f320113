"""Demo content for the campaign app: each concern builds its own pages, only what is missing."""

from . import events, forms, materials, motion, updates


def build(home):
    """Create this app's demo pages under the home page, in the order of the page tree."""
    events.build(home)
    materials.build(home)
    motion.build(home)
    updates.build(home)
    forms.build(home)
