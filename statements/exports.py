"""Signatures as CSV (core.exports' streamed writer): the columns, and each value as an organiser reads it.

The email column is left out for users who may not see addresses.
"""

from django.utils import timezone

from core.exports import csv_download, one_chunk_at_a_time

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


def cell(value):
    """A value as an organiser reads it in a spreadsheet: yes/no, local times, empty for nothing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return str(value)


def csv_response(queryset, with_email=False, filename="signatures"):
    """The CSV download; `with_email` only for users with the email permission (off unless asked for)."""
    columns = [column for column in COLUMNS if with_email or column[0] != EMAIL_COLUMN]
    values = queryset.values_list(*[field for _, field in columns])
    rows = ([cell(value) for value in row] for row in one_chunk_at_a_time(values))
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    return csv_download([heading for heading, _ in columns], rows, f"{filename}-{stamp}")
