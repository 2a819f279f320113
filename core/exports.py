"""Spreadsheets the admin hands out: formulas defused, accents intact.

Everything an export holds was typed by someone outside the campaign (a
signer's name, a print order's notes, a form-builder answer). A cell that
starts with "=" is run by Excel or LibreOffice as a formula when an organiser
opens the file: `=HYPERLINK(...)` sends whoever clicks it, with what is in
the sheet, to someone else's site. So every cell of every export goes through
`defuse_formula`, which makes such a cell plain text. CSV files start with a
byte-order mark because Excel reads a CSV without one in the machine's legacy
code page, and "Zoë" arrives as "ZoÃ«".
"""

import re

UTF8_BOM = "\ufeff"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

# What a spreadsheet reads as the start of a formula (OWASP's list: the DDE
# attacks use "+", "-" and "@" as well as "="; tab and carriage return are
# skipped by some importers, which then see the character after them).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# A plain number, negative or not, is no formula, and neither is the lone
# "-" the admin writes in an empty cell; both stay as they are.
HARMLESS = re.compile(r"-|[+-]?\d+(\.\d+)?")


def defuse_formula(text):
    """`text` as a spreadsheet shows it but never runs it: a quote before anything a formula starts with.

    Leading spaces are looked through too, since LibreOffice can trim them
    on import and then sees the "=" behind them.
    """
    if HARMLESS.fullmatch(text):
        return text
    if text[:1] in FORMULA_STARTS or text.lstrip()[:1] in FORMULA_STARTS:
        return "'" + text
    return text


def safe_value(value):
    """A cell value with any text defused; numbers, dates and empty cells pass through."""
    return defuse_formula(value) if isinstance(value, str) else value


class SafeSpreadsheetExport:
    """A mixin for any view built on Wagtail's SpreadsheetExportMixin (modeladmin lists, form submissions).

    Every cell and heading is defused, for CSV and XLSX alike, and the CSV
    carries a byte-order mark and says it is UTF-8.
    """

    def preprocess_field_value(self, field, value, export_format):
        return safe_value(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return defuse_formula(super().get_heading(queryset, field))

    def stream_csv(self, queryset):
        yield UTF8_BOM
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = CSV_CONTENT_TYPE
        return response
