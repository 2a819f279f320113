"""The motion as a PDF (fpdf2), in DejaVu Sans so any branch's name prints: "Łódź", "Cymru ŵ".

The PDF core fonts know only Latin-1; the TrueType fonts shipped in
`core/fonts/` (with their licence) cover Latin, Greek and Cyrillic, and
fpdf2 embeds only the letters used. The site's imprint, which UK election
law asks of campaign material, is printed at the foot of every page.
"""

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from core import fonts

FAMILY = "DejaVu"
LINE = 6  # millimetres between lines of body text
INDENT = 8  # millimetres for a list item's number or bullet


class MotionPDF(FPDF):
    """fpdf2 calls footer() on every page it ends; it prints the imprint there."""

    imprint = ""

    def footer(self):
        if self.imprint:
            self.set_y(-15)
            self.set_font(FAMILY, "", 8)
            self.multi_cell(0, 4, self.imprint, align="C")


def motion_pdf(title, blocks, imprint=""):
    """The .pdf file's bytes: A4, the title in bold, then the motion's blocks; the imprint at each page's foot."""
    pdf = MotionPDF(format="A4")
    pdf.imprint = imprint
    pdf.add_font(FAMILY, "", fonts.REGULAR)
    pdf.add_font(FAMILY, "B", fonts.BOLD)
    pdf.set_title(title)
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    _write(pdf, title, size=18, bold=True, line=9, after=4)
    for block in blocks:
        if block.kind == "heading":
            _write(pdf, block.text, size=14 if block.level == 1 else 12, bold=True, line=7, after=2)
        elif block.kind == "paragraph":
            _write(pdf, block.text, bold=all(run.bold for run in block.runs))
        else:
            _write_list(pdf, block)
    return bytes(pdf.output())


def _write(pdf, text, size=11, bold=False, line=LINE, after=3):
    pdf.set_font(FAMILY, "B" if bold else "", size)
    pdf.multi_cell(0, line, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(after)


def _write_list(pdf, block):
    pdf.set_font(FAMILY, "", 11)
    for number, runs in enumerate(block.items, start=1):
        pdf.cell(INDENT, LINE, f"{number}." if block.ordered else "•")
        pdf.multi_cell(0, LINE, "".join(run.text for run in runs), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1.5)
    pdf.ln(1.5)
