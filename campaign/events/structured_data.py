"""schema.org `Event` data (JSON-LD) for an event page: what search engines and calendars read.

Written the way Django's `json_script` writes JSON into a page: <, > and & as \\u escapes, so a title
holding "</script>" cannot end the script element early.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

from core.site_settings import site_settings_for

from . import recurrence

SCHEMA = "https://schema.org/"
ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def moment(value):
    return recurrence.local(value).replace(microsecond=0).isoformat()


def status_of(event):
    if event.cancelled:
        return "EventCancelled"
    return "EventRescheduled" if event.previous_start else "EventScheduled"


def place_of(event):
    address = {
        "@type": "PostalAddress",
        "streetAddress": ", ".join(line.strip() for line in event.address.splitlines() if line.strip()),
        "addressLocality": event.town,
        "postalCode": event.postcode,
        "addressCountry": "GB",
    }
    return {"@type": "Place", "name": event.venue_name, "address": {k: v for k, v in address.items() if v}}


def attendance_of(event):
    """(eventAttendanceMode, location): offline at a place, online at a link, or both."""
    online = {"@type": "VirtualLocation", "url": event.online_url} if event.online_url else None
    if online and event.has_place:
        return "MixedEventAttendanceMode", [place_of(event), online]
    if online:
        return "OnlineEventAttendanceMode", online
    return "OfflineEventAttendanceMode", place_of(event)


def data_for(event, request=None):
    """The Event as a dict: a repeating event's next date (its first, once none is left) and its schedule."""
    schedule = event.counted_page  # a translation's dates and status are the original's (one event)
    when = schedule.next_occurrence if schedule.repeats else None
    start, end = (when.start, when.end) if when else (schedule.start, schedule.end)
    mode, location = attendance_of(event)
    site_settings = site_settings_for(request)
    site = Site.find_for_request(request) if request else event.get_site()  # kept on the request: no query
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": moment(start),
        "endDate": moment(end),
        "eventStatus": SCHEMA + status_of(schedule),
        "eventAttendanceMode": SCHEMA + mode,
        "location": location,
        "url": event.get_full_url(request),
        "organizer": {
            "@type": "Organization",
            "name": site_settings.campaign_name if site_settings else event.organiser_name,
            "url": site.root_url + "/" if site else "",
        },
    }
    if schedule.previous_start and not schedule.cancelled:
        data["previousStartDate"] = moment(schedule.previous_start)
    return data


def script_for(event, request=None):
    """The <script type="application/ld+json"> element, escaped as json_script does."""
    text = json.dumps(data_for(event, request), cls=DjangoJSONEncoder, ensure_ascii=False).translate(ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
