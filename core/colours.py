"""Colour arithmetic for text that must stay readable: WCAG contrast, and the text colour for a background.

Pure functions of "#rrggbb" strings, knowing nothing of any campaign: the
brand stylesheet (core.brand), the icons (home) and the statement's share card
(statements) all draw text on the editor's brand colour.
"""

WHITE = "#ffffff"
NEAR_BLACK = "#1a1a1a"  # the site's body text colour
AA_TEXT = 4.5  # WCAG 2.2 AA, normal-size text


def rgb(colour):
    """'#a00000' -> (160, 0, 0)."""
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def hex_colour(channels):
    return "#" + "".join(f"{round(channel):02x}" for channel in channels)


def relative_luminance(colour):
    """WCAG 2.x relative luminance of an sRGB colour, 0 (black) to 1 (white)."""

    def linear(channel):
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second):
    """WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(background):
    """White or near-black, whichever reads better on `background`."""
    return max((WHITE, NEAR_BLACK), key=lambda text: contrast_ratio(background, text))


def reaches_aa(background):
    """Whether white or near-black text on `background` reaches WCAG AA."""
    return contrast_ratio(background, text_colour_on(background)) >= AA_TEXT


def mix(colour, towards, amount):
    """`colour` moved `amount` (0 to 1) of the way to `towards`."""
    return hex_colour(a + (b - a) * amount for a, b in zip(rgb(colour), rgb(towards), strict=True))


def readable_on_white(colour):
    """The colour itself if it reads as text on white (AA), else the lightest darker shade that does."""
    shade, step = colour, 0
    while contrast_ratio(shade, WHITE) < AA_TEXT and step < 20:
        step += 1
        shade = mix(colour, "#000000", step / 20)
    return shade
