"""Posters drawn by the demo loader itself (Pillow), so downloads work on a fresh site.

Each poster carries the campaign's name, a slogan from the statement and a QR
code to the statement, and is saved both as a PNG and as a PDF.
"""

import io
import textwrap

from PIL import Image, ImageDraw

from core.fonts import bold

from .qr import qr_png

RED = (160, 0, 0)
WHITE = (255, 255, 255)
INK = (26, 26, 26)
DPI = 100
A4 = (827, 1169)  # pixels at 100 dpi


def draw_lines(draw, lines, top, size, fill, width):
    face = bold(size)
    for line in lines:
        box = draw.textbbox((0, 0), line, font=face)
        draw.text(((width - (box[2] - box[0])) / 2, top), line, font=face, fill=fill)
        top += int(size * 1.25)
    return top


def draw_poster(campaign_name, slogan, call_to_action, url):
    """Return the poster as a Pillow image: name band, slogan, QR code and address."""
    width, height = A4
    poster = Image.new("RGB", A4, WHITE)
    draw = ImageDraw.Draw(poster)
    draw.rectangle((0, 0, width, 230), fill=RED)
    draw_lines(draw, textwrap.wrap(campaign_name.upper(), 22), 50, 52, WHITE, width)
    draw_lines(draw, textwrap.wrap(slogan, 18), 310, 62, INK, width)
    qr = Image.open(io.BytesIO(qr_png(url, scale=8))).convert("RGB")
    poster.paste(qr, ((width - qr.width) // 2, height - qr.height - 150))
    draw_lines(draw, [call_to_action], height - 140, 34, RED, width)
    draw_lines(draw, [url], height - 90, 24, INK, width)
    return poster


def poster_files(poster):
    """The poster as (PNG bytes, PDF bytes)."""
    png, pdf = io.BytesIO(), io.BytesIO()
    poster.save(png, "PNG", optimize=True)
    poster.save(pdf, "PDF", resolution=DPI)
    return png.getvalue(), pdf.getvalue()
