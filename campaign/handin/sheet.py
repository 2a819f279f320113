"""The blank signature sheet: an A4 landscape page whose columns are the paper import's, in its words.

Whoever types a returned sheet into a CSV copies each column under the heading printed above it
(statements.imports reads "name", "organisation", "role", "town", "email", "kind", "public", "updates"), and
gives the import the batch code printed at the top, which the QR code carries as its source code. The
"updates" box asks in the online forms' words (core.subscriptions.wording.CURRENT); the import records a
tick as a consent that waits for its address's owner to say yes, as a stall's does.

The sheet speaks the active language. Where a heading's translation is not the import's column name, the
name the CSV takes is printed small at the foot of the heading's box, so typing in a Welsh sheet works the same.
"""

import io
from dataclasses import dataclass

import segno
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.subscriptions.wording import CURRENT, text_of

from .pdf import FAMILY, GREY, new_document, short_text

ROWS = 10
ROW_HEIGHT = 11  # millimetres: room to write a name by hand
QR_SIZE = 30
HINT_TOP, HINT_SIZE, HINT_LINE = 5.4, 6.8, 3  # each column's question under its heading: mm, points, mm
SHORT_TEXT_CHARS = 420
NOTE_SIZE, NOTE_LINE, NOTE_GAP = 8, 3.8, 2  # the note under the table: points, mm, mm
KEY_SIZE, KEY_LINE = 6, 3  # the import's column name under a translated heading: points, mm
NOTE = _(
    "Signing on paper counts once the organisers type the sheet in. Your email address is never shown "
    "publicly; your name is on the public list only if you tick that box. If you tick “updates”, we first "
    "email you a link to say yes: no update is sent until you do."
)
# The online form's words for the public list (statements.forms.SignatureForm).
PUBLIC_LIST_WORDS = _("Show my name on the public list of signatories")
# Each column's heading as printed: in English, the import's column name itself (capitalised).
HEADINGS = {
    "name": pgettext_lazy("signature sheet column", "Name"),
    "organisation": pgettext_lazy("signature sheet column", "Organisation"),
    "role": pgettext_lazy("signature sheet column", "Role"),
    "town": pgettext_lazy("signature sheet column", "Town"),
    "email": pgettext_lazy("signature sheet column", "Email"),
    "kind": pgettext_lazy("signature sheet column", "Kind"),
    "public": pgettext_lazy("signature sheet column", "Public"),
    "updates": pgettext_lazy("signature sheet column", "Updates"),
}


@dataclass(frozen=True)
class Column:
    heading: str  # the import's own column name, as the CSV's first line gives it
    hint: str  # what the signer is asked, under the heading
    width: float  # millimetres
    cell: str = ""  # "box": a tick box; "choice": the two kinds, to circle one


def columns():
    """The sheet's columns, left to right: the paper import's, ending with the two ticks."""
    tick = gettext("%(question)s: tick")
    shown = [
        Column("name", gettext("Your name"), 48),
        Column("organisation", gettext("Union, branch or group, or the organisation you sign for"), 45),
        Column("role", gettext("Your role, if you sign for an organisation"), 30),
        Column("town", gettext("Town or area"), 29),
        Column("email", gettext("Email address (never shown publicly)"), 60),
        Column("kind", gettext("Signing as: circle one"), 28, "choice"),
        Column("public", tick % {"question": PUBLIC_LIST_WORDS}, 34, "box"),
        Column("updates", tick % {"question": text_of(CURRENT)}, 42, "box"),
    ]
    scale = 267 / sum(column.width for column in shown)  # the page's width between its margins
    return [Column(c.heading, c.hint, round(c.width * scale, 1), c.cell) for c in shown]


def heading_of(column):
    """The heading printed over `column`: its translation, else the import's column name capitalised."""
    heading = HEADINGS.get(column.heading)
    return str(heading) if heading is not None else column.heading.capitalize()


def qr_png(url):
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=8, border=2)
    buffer.seek(0)
    return buffer


def signature_sheet(page, url, batch_code, imprint=""):
    """The sheet's PDF bytes: the statement's title and short text, the QR code and batch, the columns, the imprint.

    `url` is the statement's address with the batch's source code (?src=sheet-...).
    """
    title = gettext("Signature sheet: %(title)s") % {"title": page.title}
    pdf = new_document(imprint, title=title, landscape=True, margin=15)
    pdf.footer_note = gettext("Batch %(code)s") % {"code": batch_code}
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
    batch_line = gettext("Batch %(code)s   ·   or sign online: %(url)s") % {"code": batch_code, "url": url}
    pdf.cell(text_width, 5, batch_line, new_x="LMARGIN", new_y="NEXT")
    pdf.image(qr_png(url), x=pdf.l_margin + pdf.epw - QR_SIZE, y=pdf.t_margin, w=QR_SIZE, h=QR_SIZE)
    pdf.set_y(max(pdf.get_y(), pdf.t_margin + QR_SIZE) + 3)
    pdf.set_font(FAMILY, "", NOTE_SIZE)
    note = str(NOTE)
    note_height = NOTE_GAP + NOTE_LINE * len(pdf.multi_cell(0, NOTE_LINE, note, dry_run=True, output="LINES"))
    draw_table(pdf, columns(), room=pdf.h - pdf.b_margin - pdf.get_y() - note_height)
    pdf.ln(NOTE_GAP)
    pdf.set_font(FAMILY, "", NOTE_SIZE)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(0, NOTE_LINE, note, align="L")
    return bytes(pdf.output())


def draw_table(pdf, shown, room):
    """The heading row (the import's column name in bold, the question under it) and ROWS empty rows.

    Fewer rows when a long title and text leave less than `room` (millimetres) for them: one sheet, one page.
    """
    top, x0 = pdf.get_y(), pdf.l_margin
    pdf.set_font(FAMILY, "", HINT_SIZE)
    hint_lines = max(len(pdf.multi_cell(c.width - 2, HINT_LINE, c.hint, dry_run=True, output="LINES")) for c in shown)
    heading_height = max(15, HINT_TOP + hint_lines * HINT_LINE + 1)  # the longest question fits its box
    titles = [heading_of(column) for column in shown]
    keyed = any(title != column.heading.capitalize() for title, column in zip(titles, shown, strict=True))
    if keyed:
        heading_height += KEY_LINE  # room for the import's column names under the questions
    rows = max(1, min(ROWS, int((room - heading_height) // ROW_HEIGHT)))
    x = x0
    for column, title in zip(shown, titles, strict=True):
        pdf.set_fill_color(235, 235, 235)
        pdf.rect(x, top, column.width, heading_height, style="DF")
        pdf.set_xy(x + 1, top + 1)
        pdf.set_font(FAMILY, "B", 9)
        pdf.cell(column.width - 2, 4.2, title)
        pdf.set_xy(x + 1, top + HINT_TOP)
        pdf.set_font(FAMILY, "", HINT_SIZE)
        pdf.multi_cell(column.width - 2, HINT_LINE, column.hint, align="L")
        if keyed:
            pdf.set_xy(x + 1, top + heading_height - KEY_LINE - 0.5)
            pdf.set_font(FAMILY, "", KEY_SIZE)
            pdf.set_text_color(*GREY)
            pdf.cell(column.width - 2, KEY_LINE, gettext("CSV: %(column)s") % {"column": column.heading})
            pdf.set_text_color(0, 0, 0)
        x += column.width
    y = top + heading_height
    for _row in range(rows):
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
        choices = (pgettext("kind of signer", "person"), pgettext("kind of signer", "organisation"))
        for line, word in enumerate(choices):
            pdf.set_xy(x + 1, y + ROW_HEIGHT / 2 - 3.6 + line * 3.8)
            pdf.cell(column.width - 2, 3.4, word, align="C")
        pdf.set_text_color(0, 0, 0)
