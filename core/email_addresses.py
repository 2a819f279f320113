"""The longest email address the site keeps, checked as it is kept: trimmed and in small letters.

Every address column holds 254 characters (the longest path RFC 5321
allows), and addresses are kept lower-cased to match them. A few capital
letters grow when lower-cased ("İ" becomes two characters), so a form checks
the kept form too: PostgreSQL refuses a longer value with an error.
"""

from django.core.exceptions import ValidationError

MAX_LENGTH = 254


def validate_fits_when_kept(value):
    if len((value or "").strip().lower()) > MAX_LENGTH:
        raise ValidationError(
            f"Please check the email address: an address has at most {MAX_LENGTH} characters.", code="max_length"
        )
