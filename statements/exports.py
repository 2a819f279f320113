"""Signatures as CSV, streamed row by row so a million rows need no more memory than ten.

Cells are defused and the file carries a byte-order mark (core.exports);
the email column is left out for users who may not see addresses.
"""

import csv

from django.http import StreamingHttpResponse
from django.utils import timezone

from core.exports import CSV_CONTENT_TYPE, UTF8_BOM, defuse_formula

COLUMNS = [
    ("statement", "page__title"),
    ("kind", "kind"),
    ("name", "name"),
    ("organisation", "organisation"),
    ("role", "role"),
    ("email", "email"),
    ("town", "town"),
    ("show publicly", "show_publicly"),
    ("keep informed", "keep_informed"),
    ("source", "source"),
    ("created", "created_at"),
    ("confirmed", "confirmed_at"),
]
EMAIL_COLUMN = "email"
CHUNK_SIZE = 2000


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer."""

    def write(self, value):
        return value


def cell(value):
    """A value as an organiser reads it in a spreadsheet: yes/no, local times, text that never runs."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return defuse_formula(str(value))


def rows(queryset, columns):
    writer = csv.writer(_Echo())
    yield UTF8_BOM + writer.writerow([heading for heading, _ in columns])
    values = queryset.values_list(*[field for _, field in columns])
    for row in values.iterator(chunk_size=CHUNK_SIZE):
        yield writer.writerow([cell(value) for value in row])


def csv_response(queryset, with_email=False, filename="signatures"):
    """The CSV download; `with_email` only for users with the email permission (off unless asked for)."""
    columns = [column for column in COLUMNS if with_email or column[0] != EMAIL_COLUMN]
    response = StreamingHttpResponse(rows(queryset, columns), content_type=CSV_CONTENT_TYPE)
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
    return response
