"""Spreadsheets the admin hands out: one streamed CSV writer, formulas defused, accents intact.

Everything an export holds was typed by someone outside the campaign (a
signer's name, a print order's notes, a form-builder answer). A cell that
starts with "=" is run by Excel or LibreOffice as a formula when an organiser
opens the file: `=HYPERLINK(...)` sends whoever clicks it, with what is in
the sheet, to someone else's site. So every cell of every export goes through
`defuse_formula`, which makes such a cell plain text. CSV files start with a
byte-order mark because Excel reads a CSV without one in the machine's legacy
code page, and "Zoë" arrives as "ZoÃ«".

Every CSV download is `csv_download`, through `SafeSpreadsheetExport`: every
Wagtail list with a "Download CSV" button (the admin's lists, the signatures'
among them, and form submissions). It reads the records a chunk at a time and sends each line as it is written, so
a million rows take no more memory than ten. An XLSX download holds the same
cells: openpyxl's write-only workbook keeps each row in a temporary file as it
is added, and the finished file is sent from disk, never built in memory.

A date or a moment is a `SheetDate`: the CSV writes its text as the list
shows it, the XLSX a real date cell (a moment in the site's time zone, as
Excel has no zones) that sorts, filters and counts by month.
"""

import csv
import re
import tempfile
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone

UTF8_BOM = "\ufeff"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHUNK_SIZE = 2000  # records fetched from the database at a time

# What a spreadsheet reads as the start of a formula (OWASP's list: the DDE
# attacks use "+", "-" and "@" as well as "="; tab and carriage return are
# skipped by some importers, which then see the character after them).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# A plain number, negative or not, is no formula, and neither is the lone
# "-" the admin writes in an empty cell; both stay as they are.
HARMLESS = re.compile(r"-|[+-]?\d+(\.\d+)?")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


@dataclass(frozen=True)
class SheetDate:
    """A cell holding a date or a moment: `value` for an XLSX date cell, `text` for CSV (as the list shows it)."""

    value: date
    text: str

    def for_xlsx(self):
        """(the value openpyxl writes, its number format): a moment in the site's zone, naive, as Excel holds none."""
        if isinstance(self.value, datetime):
            moment = timezone.localtime(self.value) if timezone.is_aware(self.value) else self.value
            return moment.replace(tzinfo=None), DATETIME_FORMAT
        return self.value, DATE_FORMAT


def defuse_formula(text):
    """`text` as a spreadsheet shows it but never runs it: a quote before anything a formula starts with.

    Leading spaces are looked through too, since LibreOffice can trim them
    on import and then sees the "=" behind them. Defusing twice changes nothing.
    """
    if HARMLESS.fullmatch(text):
        return text
    if text[:1] in FORMULA_STARTS or text.lstrip()[:1] in FORMULA_STARTS:
        return "'" + text
    return text


def safe_value(value):
    """A cell value with any text defused; numbers, dates and empty cells pass through; a SheetDate is its text."""
    if isinstance(value, SheetDate):
        value = value.text
    return defuse_formula(value) if isinstance(value, str) else value


class LineHandedBack:
    """The one method of a file csv.writer needs: write() returns the line instead of keeping it."""

    def write(self, line):
        return line


def csv_lines(headings, rows):
    """A CSV file line by line: the byte-order mark with the headings, then one line per row, text defused."""
    writer = csv.writer(LineHandedBack())
    yield UTF8_BOM + writer.writerow([safe_value(heading) for heading in headings])
    for row in rows:
        yield writer.writerow([safe_value(value) for value in row])


def one_chunk_at_a_time(records):
    """A queryset's records read in chunks and never cached; any other iterable as it is."""
    return records.iterator(chunk_size=CHUNK_SIZE) if isinstance(records, QuerySet) else iter(records)


def csv_download(headings, rows, filename):
    """The streamed download `<filename>.csv`; `rows` (lists of values) is read only as the response is sent."""
    response = StreamingHttpResponse(csv_lines(headings, rows), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_download(headings, rows, filename):
    """`<filename>.xlsx`: the cells `csv_download` sends (text defused), dates as dates, written to disk row by row."""
    from openpyxl import Workbook  # Wagtail's own dependency, loaded only by a download, as Wagtail does

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Sheet1")
    sheet.append([safe_value(heading) for heading in headings])
    for row in rows:
        sheet.append([xlsx_cell(sheet, value) for value in row])
    output = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it, and so removes it, once sent)
    workbook.save(output)
    output.seek(0)
    return FileResponse(output, as_attachment=True, content_type=XLSX_CONTENT_TYPE, filename=f"{filename}.xlsx")


def xlsx_cell(sheet, value):
    """A date cell with its number format for a SheetDate; otherwise `plain_cell`."""
    if not isinstance(value, SheetDate):
        return plain_cell(value)
    from openpyxl.cell import WriteOnlyCell

    moment, number_format = value.for_xlsx()
    cell = WriteOnlyCell(sheet, moment)
    cell.number_format = number_format
    return cell


def plain_cell(value):
    """A cell as text, number or empty: a value openpyxl would read as a formula ("=...") is already defused."""
    value = safe_value(value)
    return value if value is None or isinstance(value, (str, int, float)) else str(value)


class SafeSpreadsheetExport:
    """A mixin for any view built on Wagtail's SpreadsheetExportMixin (modeladmin lists, form submissions).

    Its CSV is `csv_download` and its XLSX `xlsx_download`, both with the
    view's own headings and the values as its CSV writes them, so the two
    files hold the same cells.
    """

    def preprocess_field_value(self, field, value, export_format):
        """Text defused; a date or moment (a submission's time) a SheetDate with the text Wagtail's CSV gives it."""
        if isinstance(value, SheetDate):
            return value
        shown = safe_value(super().preprocess_field_value(field, value, export_format))
        return SheetDate(value, shown) if isinstance(value, date) else shown

    def get_heading(self, queryset, field):
        return defuse_formula(super().get_heading(queryset, field))

    def write_csv_response(self, queryset):
        return csv_download(*self.headings_and_rows(queryset), self.get_filename())

    def write_xlsx_response(self, queryset):
        return xlsx_download(*self.headings_and_rows(queryset), self.get_filename())

    def headings_and_rows(self, queryset):
        headings = [self.get_heading(queryset, field) for field in self.list_export]
        return headings, (self.csv_row(item) for item in one_chunk_at_a_time(queryset))

    def csv_row(self, item):
        values = self.to_row_dict(item).items()
        return [self.preprocess_field_value(field, value, self.FORMAT_CSV) for field, value in values]
