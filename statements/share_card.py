"""The statement's share card: the picture WhatsApp, Facebook and X show beside a shared link.

Drawn by the site (1200 × 630, the size those networks ask for) so every
share carries the statement's title and how many have signed, on the brand
colour, with no designer needed. The count changes with every confirmation,
but a card is drawn at most once every REFRESH_SECONDS per statement: the
bytes are kept in the shared cache under a key that names the page-cache
generation, so a publish or a change to the site settings (which move the
generation on) draws a fresh card at once, and in between a surge of link
previews costs one cache read each. Networks keep the picture of a link for
days anyway; the card's address stays the same (og:image wants one).

Text is set in the font shipped in core/fonts, so the card is the same on
every machine and prints any name.

The card carries the site's imprint ("Promoted by … on behalf of …, address")
along its foot. UK election law wants a digital imprint as part of the
material itself unless that is not reasonably practicable (only then one
click away will do, such as the page the link leads to), and this card is
an image that travels on its own (saved, reposted) with room for a line of
small print: so it is practicable, and the imprint is on it.
"""

import io
from functools import lru_cache

from django.core.cache import cache
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

from core.colours import NEAR_BLACK, readable_on_white, rgb, text_colour_on
from core.fonts import BOLD, REGULAR
from core.publish_clock import current_generation
from core.site_settings import site_settings_for

SIZE = WIDTH, HEIGHT = 1200, 630
MARGIN = 64
BAND_TOP = 400  # the brand colour above, the count on white below
TITLE_SIZES = range(72, 39, -4)  # the largest that fits the title in TITLE_LINES lines
TITLE_LINES = 3
REFRESH_SECONDS = 5 * 60
FALLBACK_COLOUR = NEAR_BLACK  # a site with no valid brand colour
GREY = "#4a4a4a"  # 8.9:1 on white
IMPRINT_SIZES = (18, 15)  # the largest at which the imprint fits in IMPRINT_LINES lines, else the smallest
IMPRINT_LINES = 2
VERSION = 2  # change when the drawing changes, so no card drawn the old way is served


@lru_cache(maxsize=32)
def font(size, heavy=True):
    return ImageFont.truetype(BOLD if heavy else REGULAR, size)


def wrap(text, face, width):
    """The words of `text` in lines no wider than `width` pixels (a word wider than that stands alone)."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and face.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def fit_title(title, width):
    """(face, lines): the largest size at which the title fits in TITLE_LINES lines, else the smallest, cut short."""
    for size in TITLE_SIZES:
        face = font(size)
        lines = wrap(title, face, width)
        if len(lines) <= TITLE_LINES:
            return face, lines
    lines = wrap(title, face, width)[:TITLE_LINES]
    lines[-1] = lines[-1].rstrip(".,;:") + "…"
    return face, lines


def draw_card(title, counts, colour, campaign_name="", address="", imprint="", language=None):
    """The card as PNG bytes: the title on the brand colour, the live count on white below, the imprint at the foot.

    Its words are in the active language; `language` names it, so each language's card is cached apart.
    """
    on_brand, accent = rgb(text_colour_on(colour)), rgb(readable_on_white(colour))
    card = Image.new("RGB", SIZE, "white")
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, 0, WIDTH, BAND_TOP), fill=rgb(colour))
    inner = WIDTH - 2 * MARGIN
    if campaign_name:
        draw.text((MARGIN, 48), wrap(campaign_name, font(28), inner)[0], font=font(28), fill=on_brand)
    face, lines = fit_title(title, inner)
    line_height = int(face.size * 1.15)
    top = BAND_TOP - 44 - line_height * len(lines)
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * line_height), line, font=face, fill=on_brand)

    total = counts["total"]
    if total:
        number = f"{total:,}"
        draw.text((MARGIN, BAND_TOP + 30), number, font=font(110), fill=accent)
        beside = MARGIN + font(110).getlength(number) + 28
        draw.text((beside, BAND_TOP + 56), _("have signed"), font=font(40), fill=rgb(NEAR_BLACK))
        detail = breakdown(counts)
        if detail:
            draw.text((beside, BAND_TOP + 108), detail, font=font(28, heavy=False), fill=rgb(GREY))
    else:
        draw.text((MARGIN, BAND_TOP + 52), _("Be the first to sign"), font=font(64), fill=accent)
    imprint_face, imprint_lines = fit_imprint(imprint, inner)
    imprint_height = int(imprint_face.size * 1.3) * len(imprint_lines)
    if address:
        draw.text((MARGIN, HEIGHT - 56 - imprint_height), address, font=font(26, heavy=False), fill=rgb(GREY))
    for number, line in enumerate(imprint_lines):
        top = HEIGHT - 20 - imprint_height + number * int(imprint_face.size * 1.3)
        draw.text((MARGIN, top), line, font=imprint_face, fill=rgb(GREY))
    out = io.BytesIO()
    card.save(out, "PNG", optimize=True)
    return out.getvalue()


def fit_imprint(imprint, width):
    """(face, lines) of the imprint: whole, however long; smaller print only when it needs more lines."""
    for size in IMPRINT_SIZES:
        face = font(size, heavy=False)
        lines = wrap(imprint, face, width)
        if len(lines) <= IMPRINT_LINES:
            break
    return face, lines


def breakdown(counts):
    """'1,204 people · 37 organisations', or None when only one kind has signed (the big number says it)."""
    if not (counts["people"] and counts["organisations"]):
        return None
    people, organisations = counts["people"], counts["organisations"]
    people_text = ngettext("%(count)s person", "%(count)s people", people) % {"count": f"{people:,}"}
    organisations_text = ngettext("%(count)s organisation", "%(count)s organisations", organisations) % {
        "count": f"{organisations:,}"
    }
    return f"{people_text} · {organisations_text}"


def display_address(url):
    """'https://example.org/statement/' -> 'example.org/statement': what people would type."""
    return url.split("://", 1)[-1].rstrip("/")


def card_png(page, request):
    """The statement's card, drawn at most every REFRESH_SECONDS (and after every publish)."""
    key = f"sharecard:{VERSION}:{page.pk}:{get_language()}:{current_generation()}"
    png = cache.get(key)
    if png is None:
        site_settings = site_settings_for(request)
        colour = getattr(site_settings, "brand_colour", "") or FALLBACK_COLOUR
        try:
            rgb(colour)
        except ValueError:
            colour = FALLBACK_COLOUR
        png = draw_card(
            page.title,
            page.counts(),
            colour,
            campaign_name=getattr(site_settings, "campaign_name", ""),
            address=display_address(page.get_full_url(request) or ""),
            imprint=site_settings.imprint() if site_settings is not None else "",
            language=get_language(),
        )
        cache.set(key, png, REFRESH_SECONDS)
    return png
