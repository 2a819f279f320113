"""The hand-in app's PDFs (fpdf2): DejaVu Sans so any name prints, the imprint and page number at every foot.

UK election law asks campaign material for its imprint, so every page of a sheet or pack carries it.
A pack is drawn in parts (packing.py), each a document of its own: `first_page` numbers a part's pages
on from the parts before it.
"""

import html
import re

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import gettext
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from core import fonts
from core.text import one_line

FAMILY = "DejaVu"
GREY = (90, 90, 90)
BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


class HandinPDF(FPDF):
    """fpdf2 calls footer() as it ends each page: the imprint and the page's number."""

    imprint = ""
    first_page = 1
    footer_note = ""

    def footer(self):
        self.set_y(-14)
        self.set_font(FAMILY, "", 7.5)
        self.set_text_color(*GREY)
        number = gettext("Page %(number)s") % {"number": self.first_page + self.page_no() - 1}
        note = f"{self.footer_note} · {number}" if self.footer_note else number
        self.cell(0, 3.5, note, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if self.imprint:
            self.multi_cell(0, 3.5, self.imprint, align="L")
        self.set_text_color(0, 0, 0)


def page_language(page):
    """The language a statement's sheets and packs are printed in: its own (a Welsh page's are Welsh)."""
    code = getattr(getattr(page, "locale", None), "language_code", "")
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def new_document(imprint="", *, title="", first_page=1, footer_note="", landscape=False, margin=15):
    pdf = HandinPDF(orientation="L" if landscape else "P", format="A4")
    pdf.imprint, pdf.first_page, pdf.footer_note = imprint, first_page, footer_note
    pdf.add_font(FAMILY, "", fonts.REGULAR)
    pdf.add_font(FAMILY, "B", fonts.BOLD)
    pdf.set_title(title)
    pdf.set_margins(margin, margin, margin)
    pdf.set_auto_page_break(True, margin=22)
    return pdf


def write(pdf, text, size=10.5, bold=False, line=5.2, after=2.5, grey=False):
    """A paragraph across the page's width."""
    pdf.set_font(FAMILY, "B" if bold else "", size)
    if grey:
        pdf.set_text_color(*GREY)
    pdf.multi_cell(0, line, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(after)


def paragraphs(rich_text):
    """Wagtail rich text as plain paragraphs (one per paragraph, heading or list item), for print."""
    pieces = (one_line(html.unescape(strip_tags(piece))) for piece in BLOCK_END.split(rich_text or ""))
    return [piece for piece in pieces if piece]


def short_text(page):
    """What a sheet prints of the statement: its standfirst, or else its first paragraph."""
    return one_line(page.standfirst) or next(iter(paragraphs(page.body)), "")
