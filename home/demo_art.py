"""The demo site's logo and hero picture, drawn with Pillow so a fresh site has them with no download."""

import io
import random

from PIL import Image, ImageDraw

from core.colours import rgb
from core.fonts import bold

WHITE = (255, 255, 255, 255)
PLACARD_MARGIN = 24  # pixels between a placard and the picture's edge, so every slogan reads whole


def draw_logo(lines, height=96):
    """A two-line white wordmark on transparency, for the header's brand colour (shown 48 px high)."""
    size = int(height * 0.36)
    face = bold(size)
    probe = ImageDraw.Draw(Image.new("RGBA", (1, 1)))
    width = max(probe.textbbox((0, 0), line, font=face)[2] for line in lines) + 8
    logo = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(logo)
    top = int(height * 0.06)
    for line in lines:
        draw.text((0, top), line, font=face, fill=WHITE)
        top += int(size * 1.2)
    draw.rectangle((0, height - 8, width * 0.35, height - 3), fill=WHITE)
    return logo


def draw_hero(colour, slogans, size=(1600, 1000), seed=7):
    """A crowd holding placards against a brand-coloured sky: shapes only, no photograph needed."""
    width, height = size
    sky, dark = rgb(colour), tuple(int(channel * 0.45) for channel in rgb(colour))
    hero = Image.new("RGB", size, sky)
    draw = ImageDraw.Draw(hero)
    for band in range(0, height, 8):  # the sky darkens towards the crowd
        shade = band / height
        draw.rectangle(
            (0, band, width, band + 8),
            fill=tuple(int(s + (d - s) * shade * 0.6) for s, d in zip(sky, dark, strict=True)),
        )
    chance = random.Random(seed)
    placard_face = bold(34)
    boards = []  # placards already raised, so none hides another
    for row, (top, scale) in enumerate([(0.62, 0.8), (0.72, 1.0), (0.84, 1.25)]):
        tone = tuple(int(channel * (0.55 - row * 0.15)) for channel in rgb(colour))
        x = chance.randint(-40, 0)
        while x < width:
            head, body_width = int(34 * scale), int(92 * scale)
            y = int(height * top) + chance.randint(-12, 12)
            slogan = chance.choice(slogans)
            box = draw.textbbox((0, 0), slogan, font=placard_face)
            board = (x - 10, y - 190 - row * 40, x + box[2] + 20, y - 110 - row * 40)
            clear = all(
                board[2] + 16 < other[0]
                or board[0] > other[2] + 16
                or board[1] > other[3] + 16
                or board[3] + 16 < other[1]
                for other in boards
            )
            inside = board[0] >= PLACARD_MARGIN and board[2] <= width - PLACARD_MARGIN  # never cut by the frame
            if clear and chance.random() < 0.6 and row < 2 and inside:  # a placard on a stick
                boards.append(board)
                draw.line((x + 40, board[3], x + 40, y), fill=(235, 225, 210), width=8)
                draw.rectangle(board, fill=(250, 248, 242))
                draw.text((board[0] + 15, board[1] + 18), slogan, font=placard_face, fill=rgb(colour))
            draw.ellipse((x + body_width / 2 - head / 2, y - head, x + body_width / 2 + head / 2, y), fill=tone)
            draw.rounded_rectangle((x, y + 6, x + body_width, height + 40), radius=int(40 * scale), fill=tone)
            x += body_width + chance.randint(4, 30)
    return hero


def png_bytes(image):
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def jpeg_bytes(image):
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()
