"""`{{ value|html_datetime }}`: the value of a `<time datetime="...">` attribute, valid HTML whatever is stored.

Django's `date:'c'` writes microseconds when a time carries them (an import, the API or a script made it),
and six fractional digits are no valid HTML date; this writes whole seconds with the UTC offset, in the
site's zone, and a plain date as YYYY-MM-DD.
"""

from datetime import date, datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def html_datetime(value):
    """An aware time as 2026-12-07T00:12:48+00:00 (no fraction); a date as 2026-12-07; anything else as ""."""
    if isinstance(value, datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return timezone.localtime(value).replace(microsecond=0).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return ""
