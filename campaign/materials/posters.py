"""Posters drawn by the demo loader itself (Pillow), so downloads work on a fresh site.

Each poster carries the campaign's name, a slogan from the statement, a QR
code to the statement and, at its foot, the imprint UK election law asks of
printed and online campaign material (from the site settings); it is saved
both as a PNG and as a PDF.
"""

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

from core.fonts import REGULAR, bold

from .qr import qr_png

RED = (160, 0, 0)
WHITE = (255, 255, 255)
INK = (26, 26, 26)
DPI = 100
A4 = (827, 1169)  # pixels at 100 dpi
IMPRINT_SIZE, IMPRINT_WRAP = 15, 95  # small but legible in print, as imprints usually are


def draw_lines(draw, lines, top, size, fill, width, face=None):
    face = face or bold(size)
    for line in lines:
        box = draw.textbbox((0, 0), line, font=face)
        draw.text(((width - (box[2] - box[0])) / 2, top), line, font=face, fill=fill)
        top += int(size * 1.25)
    return top


def draw_poster(campaign_name, slogan, call_to_action, url, imprint=""):
    """Return the poster as a Pillow image: name band, slogan, QR code, address and imprint.

    The imprint is printed whole, however long: the QR code and address move up to make room.
    """
    width, height = A4
    poster = Image.new("RGB", A4, WHITE)
    draw = ImageDraw.Draw(poster)
    draw.rectangle((0, 0, width, 230), fill=RED)
    draw_lines(draw, textwrap.wrap(campaign_name.upper(), 22), 50, 52, WHITE, width)
    draw_lines(draw, textwrap.wrap(slogan, 18), 310, 62, INK, width)
    imprint_lines = textwrap.wrap(imprint, IMPRINT_WRAP)
    bottom = height - int(IMPRINT_SIZE * 1.25) * len(imprint_lines) - (16 if imprint_lines else 0)
    qr = Image.open(io.BytesIO(qr_png(url, scale=8))).convert("RGB")
    poster.paste(qr, ((width - qr.width) // 2, bottom - qr.height - 150))
    draw_lines(draw, [call_to_action], bottom - 140, 34, RED, width)
    draw_lines(draw, [url], bottom - 90, 24, INK, width)
    draw_lines(draw, imprint_lines, bottom, IMPRINT_SIZE, INK, width, face=ImageFont.truetype(REGULAR, IMPRINT_SIZE))
    return poster


def poster_files(poster):
    """The poster as (PNG bytes, PDF bytes)."""
    png, pdf = io.BytesIO(), io.BytesIO()
    poster.save(png, "PNG", optimize=True)
    poster.save(pdf, "PDF", resolution=DPI)
    return png.getvalue(), pdf.getvalue()
