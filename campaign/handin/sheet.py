"""The blank signature sheet: an A4 landscape page whose columns are the paper import's, in its words.

Whoever types a returned sheet into a CSV copies each column under the heading printed above it
(statements.imports reads "name", "organisation", "role", "town", "email", "kind", "public"), and
gives the import the batch code printed at the top, which the QR code carries as its source code.
"""

import io
from dataclasses import dataclass

import segno
from django.utils.text import Truncator

from core.subscriptions.wording import CURRENT, text_of

from .pdf import FAMILY, GREY, new_document, short_text

ROWS = 10
ROW_HEIGHT = 11.5  # millimetres: room to write a name by hand
QR_SIZE = 30
SHORT_TEXT_CHARS = 420
# The online form's words for the public list (statements.forms.SignatureForm).
PUBLIC_LIST_WORDS = "Show my name on the public list of signatories"


@dataclass(frozen=True)
class Column:
    heading: str  # the import's own column name, as the CSV's first line gives it
    hint: str  # what the signer is asked, under the heading
    width: float  # millimetres
    cell: str = ""  # "box": a tick box; "choice": the two kinds, to circle one


def columns(updates_column=None):
    """The sheet's columns, left to right: the paper import's, and the updates question when it reads one."""
    shown = [
        Column("name", "Your name", 48),
        Column("organisation", "Union, branch or group, or the organisation you sign for", 45),
        Column("role", "Your role, if you sign for an organisation", 30),
        Column("town", "Town or area", 29),
        Column("email", "Email address (never shown publicly)", 60),
        Column("kind", "Signing as: circle one", 28, "choice"),
        Column("public", f"{PUBLIC_LIST_WORDS}: tick", 37, "box"),
    ]
    if updates_column:
        shown.append(Column(updates_column, f"{text_of(CURRENT)}: tick", 37, "box"))
    scale = 267 / sum(column.width for column in shown)  # the page's width between its margins
    return [Column(c.heading, c.hint, round(c.width * scale, 1), c.cell) for c in shown]


def qr_png(url):
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=8, border=2)
    buffer.seek(0)
    return buffer


def signature_sheet(page, url, batch_code, imprint="", updates_column=None):
    """The sheet's PDF bytes: the statement's title and short text, the QR code and batch, the columns, the imprint.

    `url` is the statement's address with the batch's source code (?src=sheet-...).
    """
    pdf = new_document(imprint, title=f"Signature sheet: {page.title}", landscape=True, margin=15)
    pdf.footer_note = f"Batch {batch_code}"
    pdf.add_page()
    text_width = pdf.epw - QR_SIZE - 8
    pdf.set_font(FAMILY, "B", 16)
    pdf.multi_cell(text_width, 7.5, page.title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.set_font(FAMILY, "", 10)
    short = Truncator(short_text(page)).chars(SHORT_TEXT_CHARS)
    pdf.multi_cell(text_width, 5, short, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.set_font(FAMILY, "B", 10)
    pdf.cell(text_width, 5, f"Batch {batch_code}   ·   or sign online: {url}", new_x="LMARGIN", new_y="NEXT")
    pdf.image(qr_png(url), x=pdf.l_margin + pdf.epw - QR_SIZE, y=pdf.t_margin, w=QR_SIZE, h=QR_SIZE)
    pdf.set_y(max(pdf.get_y(), pdf.t_margin + QR_SIZE) + 3)
    draw_table(pdf, columns(updates_column))
    pdf.ln(2)
    pdf.set_font(FAMILY, "", 8)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(
        0,
        3.8,
        "Signing on paper counts once the organisers type the sheet in. Your email address is never shown "
        "publicly; your name is on the public list only if you tick that box.",
        align="L",
    )
    return bytes(pdf.output())


def draw_table(pdf, shown):
    """The heading row (the import's column name in bold, the question under it) and ROWS empty rows."""
    top, x0 = pdf.get_y(), pdf.l_margin
    heading_height = 15
    x = x0
    for column in shown:
        pdf.set_fill_color(235, 235, 235)
        pdf.rect(x, top, column.width, heading_height, style="DF")
        pdf.set_xy(x + 1, top + 1)
        pdf.set_font(FAMILY, "B", 9)
        pdf.cell(column.width - 2, 4.2, column.heading.capitalize())
        pdf.set_xy(x + 1, top + 5.4)
        pdf.set_font(FAMILY, "", 6.8)
        pdf.multi_cell(column.width - 2, 3, column.hint, align="L")
        x += column.width
    y = top + heading_height
    for _ in range(ROWS):
        x = x0
        for column in shown:
            pdf.rect(x, y, column.width, ROW_HEIGHT)
            draw_cell(pdf, column, x, y)
            x += column.width
        y += ROW_HEIGHT
    pdf.set_xy(x0, y)


def draw_cell(pdf, column, x, y):
    if column.cell == "box":
        side = 5
        pdf.rect(x + (column.width - side) / 2, y + (ROW_HEIGHT - side) / 2, side, side)
    elif column.cell == "choice":
        pdf.set_font(FAMILY, "", 7)
        pdf.set_text_color(*GREY)
        for line, word in enumerate(("person", "organisation")):
            pdf.set_xy(x + 1, y + ROW_HEIGHT / 2 - 3.6 + line * 3.8)
            pdf.cell(column.width - 2, 3.4, word, align="C")
        pdf.set_text_color(0, 0, 0)
