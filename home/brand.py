"""The campaign's brand colour: contrast checks and the little stylesheet that carries it.

Our CSP (`style-src 'self'`) refuses inline styles and <style> blocks, so an
editor's colour cannot be written into the page. It reaches the page as CSS
custom properties in `/brand.css`, a stylesheet of a few hundred bytes that
the page links with its version (a hash of what it says) in the query
string: a new colour is a new address, so the stylesheet is cached publicly
for a year and nothing needs purging. Pages themselves are purged when the
settings are saved (core.signals), so they link the new address at once.

Text on the brand colour is white or near-black, whichever reaches WCAG AA
(4.5:1); a colour that neither reaches is refused by the settings form. Links
and buttons on white use the brand colour itself when it reads well enough
(4.5:1 against white, so white button text reads on it too), else a darker
shade of it. The contrast arithmetic is in core.colours: the statement's
share card draws on the brand colour too.
"""

import hashlib
import re

from core.colours import (  # noqa: F401 (re-exported: the settings form and icons use them)
    AA_TEXT,
    contrast_ratio,
    mix,
    reaches_aa,
    readable_on_white,
    rgb,
    text_colour_on,
)

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_BRAND_COLOUR = "#a00000"


def brand_css(colour):
    """The stylesheet that sets the brand's custom properties (site.css uses them)."""
    colour = colour.lower() if colour and HEX_COLOUR.match(colour) else DEFAULT_BRAND_COLOUR
    accent = readable_on_white(colour)
    return (
        ":root{"
        f"--brand:{colour};"
        f"--on-brand:{text_colour_on(colour)};"
        f"--accent:{accent};"
        f"--accent-dark:{mix(accent, '#000000', 0.3)};"
        "}\n"
    )


def brand_version(colour):
    """A short fingerprint of the stylesheet, for its address: it changes when the CSS does."""
    return hashlib.blake2b(brand_css(colour).encode(), digest_size=6).hexdigest()
