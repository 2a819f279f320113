"""Signatures as CSV, streamed row by row so a million rows need no more memory than ten."""

import csv

from django.http import StreamingHttpResponse
from django.utils import timezone

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
CHUNK_SIZE = 2000


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer."""

    def write(self, value):
        return value


def safe_cell(value):
    """Stop a signer's name being run as a formula when an organiser opens the file in a spreadsheet."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def rows(queryset):
    writer = csv.writer(_Echo())
    yield writer.writerow([heading for heading, _ in COLUMNS])
    values = queryset.values_list(*[field for _, field in COLUMNS])
    for row in values.iterator(chunk_size=CHUNK_SIZE):
        yield writer.writerow([safe_cell(value) for value in row])


def csv_response(queryset, filename="signatures"):
    response = StreamingHttpResponse(rows(queryset), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
    return response
