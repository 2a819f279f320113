"""The fonts the site draws and prints with, shipped with their licence (DejaVu, see LICENSE).

Shipped rather than looked up among the system's fonts, so posters, icons
and PDFs come out the same on every machine, and any name prints: DejaVu
Sans covers Latin (with Welsh and Polish letters), Greek and Cyrillic.
"""

from pathlib import Path

from PIL import ImageFont

FOLDER = Path(__file__).resolve().parent
REGULAR = FOLDER / "DejaVuSans.ttf"
BOLD = FOLDER / "DejaVuSans-Bold.ttf"


def bold(size):
    """The bold face at `size` pixels, for Pillow."""
    return ImageFont.truetype(BOLD, size)
