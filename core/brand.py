"""The campaign's brand colour on every page: the little stylesheet that carries it, at /brand.css.

Our CSP (`style-src 'self'`) refuses inline styles, so the editor's colour reaches pages as CSS custom
properties in this stylesheet. Its address carries a hash of its content: a new colour is a new address,
cached publicly for a year, and nothing needs purging: saving the settings moves the publish clock on
(core.signals), so cached pages link the new address at once.
"""

import hashlib
import re

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from .colours import mix, readable_on_white, text_colour_on
from .site_settings import site_settings_for

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_BRAND_COLOUR = "#a00000"
YEAR = 365 * 24 * 3600
STALE_VERSION_SECONDS = 60


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


@require_safe
def brand_stylesheet(request):
    """The brand's CSS custom properties; cached for a year when asked for by its current version."""
    site_settings = site_settings_for(request)
    colour = site_settings.brand_colour if site_settings else ""
    response = HttpResponse(brand_css(colour), content_type="text/css; charset=utf-8")
    current = request.GET.get("v") == brand_version(colour)
    if current:
        response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    else:  # an old page's link, or no version: right now, but not for long
        response["Cache-Control"] = f"public, max-age={STALE_VERSION_SECONDS}"
    return response
