"""The site's favicon and app icons, drawn from the logo (or, without one, the campaign's initials).

A logo more than twice as wide as high would shrink to an unreadable line at 16 pixels, so it gives the
initials on the brand colour instead. Browsers and home screens fetch these at fixed addresses
(home/views.py) whatever a page says; drawing one is slow next to a cache read, so the bytes are cached
under a key that changes with the logo, the colour and the name.
"""

import hashlib
import io

from django.core.cache import cache
from PIL import Image, ImageDraw

from core.brand import DEFAULT_BRAND_COLOUR
from core.colours import rgb, text_colour_on
from core.fonts import bold

FAVICON_SIZES = [(16, 16), (32, 32), (48, 48)]
APP_ICON_SIZES = {"apple-touch-icon": 180, "icon-192": 192, "icon-512": 512}
WIDEST_ICON_LOGO = 2.0  # width / height
CACHE_SECONDS = 24 * 3600


def initials(name, limit=2):
    """'Socialist Campaign for a Labour Victory' -> 'SC': the capitalised words' first letters."""
    words = [word for word in name.split() if word[:1].isupper()] or name.split() or ["?"]
    return "".join(word[0] for word in words[:limit]).upper()


def default_icon(size, colour, name):
    """A square of the brand colour with the campaign's initials in the colour that reads on it."""
    icon = Image.new("RGB", (size, size), rgb(colour))
    draw = ImageDraw.Draw(icon)
    letters = initials(name)
    face = bold(int(size * (0.5 if len(letters) > 1 else 0.62)))
    box = draw.textbbox((0, 0), letters, font=face)
    position = ((size - (box[2] - box[0])) / 2 - box[0], (size - (box[3] - box[1])) / 2 - box[1])
    draw.text(position, letters, font=face, fill=rgb(text_colour_on(colour)))
    return icon


def logo_icon(logo, size, colour):
    """The logo, kept whole and centred on an opaque square of the brand colour (home screens want no transparency)."""
    logo = logo.convert("RGBA")
    inner = int(size * 0.84)
    logo.thumbnail((inner, inner), Image.Resampling.LANCZOS)
    icon = Image.new("RGBA", (size, size), (*rgb(colour), 255))
    icon.alpha_composite(logo, ((size - logo.width) // 2, (size - logo.height) // 2))
    return icon.convert("RGB")


def open_logo(image):
    """The Wagtail image's file as a Pillow image; None when the file cannot be read."""
    if image is None:
        return None
    try:
        with image.open_file() as handle:
            picture = Image.open(handle)
            picture.load()
            return picture
    except (OSError, ValueError):
        return None


def icon_key(site_settings, kind):
    logo = site_settings.logo
    parts = [kind, site_settings.brand_colour, site_settings.campaign_name]
    if logo is not None:
        parts += [str(logo.pk), logo.file.name, str(logo.file_hash)]
    return "icon:" + hashlib.blake2b("|".join(parts).encode(), digest_size=12).hexdigest()


def draw_icon(site_settings, size):
    colour = site_settings.brand_colour or DEFAULT_BRAND_COLOUR
    logo = open_logo(site_settings.logo)
    if logo is not None and logo.width <= logo.height * WIDEST_ICON_LOGO:
        return logo_icon(logo, size, colour)
    return default_icon(size, colour, site_settings.campaign_name)


def favicon_bytes(site_settings):
    """/favicon.ico: 16, 32 and 48 pixels in one file."""

    def make():
        out = io.BytesIO()
        draw_icon(site_settings, 48).save(out, "ICO", sizes=FAVICON_SIZES)
        return out.getvalue()

    return cache.get_or_set(icon_key(site_settings, "favicon"), make, CACHE_SECONDS)


def app_icon_bytes(site_settings, size):
    """A square PNG for home screens (apple-touch-icon, the manifest's icons)."""

    def make():
        out = io.BytesIO()
        draw_icon(site_settings, size).save(out, "PNG", optimize=True)
        return out.getvalue()

    return cache.get_or_set(icon_key(site_settings, f"png{size}"), make, CACHE_SECONDS)
