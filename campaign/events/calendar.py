"""iCalendar (RFC 5545) downloads: one event's "Add to calendar" file and the feed of upcoming events.

Made with the `icalendar` library rather than by hand. A one-off event's times
are written in UTC, which every calendar program accepts without a VTIMEZONE
block; a repeating event is ONE VEVENT with its RRULE and an EXDATE for each
cancelled date, its times in London's wall time (TZID, with the VTIMEZONE), so
10:00 stays 10:00 across the clock change. The UID is the page's id at the
site's host, so it never changes when an editor renames or moves the event,
and a re-download updates the entry in place. An RSVP to one date gets that
date alone (its own UID), since the person comes on that day.
"""

from datetime import UTC, datetime, time
from html import unescape

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event
from wagtail.models import Site

from core.languages import locale_id
from core.pages import serve_beside_page

from . import recurrence
from .models import EventIndexPage, EventPage

PRODID = "-//Campaign site//Events//EN"
FEED_MAX_AGE = 600  # seconds
# The feed lists every upcoming event; this only guards against a runaway feed.
FEED_LIMIT = 500


def event_uid(page, host):
    return f"event-{page.pk}@{host}"


def plain_text(html):
    return unescape(strip_tags(html or "")).strip()


ICAL_FREQUENCY = {
    recurrence.Repeat.WEEKLY: {"freq": "WEEKLY"},
    recurrence.Repeat.FORTNIGHTLY: {"freq": "WEEKLY", "interval": 2},
    recurrence.Repeat.MONTHLY: {"freq": "MONTHLY"},
}
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def ical_rule(page):
    """The RRULE of a repeating event, the same dates as `recurrence.rule_of` (UNTIL in UTC, as RFC 5545 asks)."""
    rule = dict(ICAL_FREQUENCY[page.repeats])
    first = recurrence.local(page.start)
    if page.repeats == recurrence.Repeat.MONTHLY:
        rule["byday"] = "1" + WEEKDAYS[first.weekday()]
    if page.repeat_count:
        rule["count"] = page.repeat_count
    else:
        rule["until"] = until_of(page)
    return rule


def until_of(page):
    first = recurrence.local(page.start)
    if page.repeat_until:
        return datetime.combine(page.repeat_until, time(23, 59, 59), tzinfo=first.tzinfo).astimezone(UTC)
    return (first + recurrence.MAX_SPAN).astimezone(UTC)


def add_times(item, page, occurrence=None):
    """DTSTART and DTEND: one date in UTC, or a series' first date in London's time with its rule and exceptions."""
    if occurrence is not None:
        item.add("dtstart", occurrence.start.astimezone(UTC))
        item.add("dtend", occurrence.end.astimezone(UTC))
        return
    if not page.repeats:
        item.add("dtstart", page.start.astimezone(UTC))
        item.add("dtend", page.end.astimezone(UTC))
        return
    first, *_ = recurrence.occurrences(page, limit=1)
    item.add("dtstart", first.start)
    item.add("dtend", first.end)
    item.add("rrule", ical_rule(page))
    cancelled = [each.start for each in recurrence.occurrences(page) if each.cancelled]
    if cancelled:
        item.add("exdate", cancelled)


def vevent(page, request, host, stamp, occurrence=None):
    """The VEVENT of `page` in its own words; a translation's UID, dates and status are its original's (#29).

    One event in every language: a calendar that has it from the Welsh page and the English one holds one entry.
    """
    counted = page.counted_page
    item = Event()
    uid = event_uid(counted, host)
    if occurrence is not None:
        uid = uid.replace("@", f"-{occurrence.start.astimezone(UTC):%Y%m%dT%H%M%SZ}@", 1)
    item.add("uid", uid)
    item.add("dtstamp", stamp)
    add_times(item, counted, occurrence)
    cancelled = counted.cancelled or (occurrence is not None and occurrence.cancelled)
    item.add("summary", gettext("%(title)s (cancelled)") % {"title": page.title} if cancelled else page.title)
    item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    item.add("categories", [str(page.get_kind_display())])
    location = page.map_query
    if location:
        item.add("location", location)
    url = page.get_full_url(request)
    item.add("url", url)
    lines = [plain_text(page.description)]
    if page.online_url:
        lines.append(gettext("Online: %(url)s") % {"url": page.online_url})
    organiser = ", ".join(part for part in [page.organiser_name, page.organiser_contact] if part)
    if organiser:
        lines.append(gettext("Organiser: %(organiser)s") % {"organiser": organiser})
    lines.append(url)
    item.add("description", "\n\n".join(line for line in lines if line))
    if page.last_published_at:
        item.add("last-modified", page.last_published_at.astimezone(UTC))
    return item


def build_calendar(request, events, name):
    site = Site.find_for_request(request)
    host = site.hostname if site else request.get_host()
    return calendar_of(events, name, host, request)


def event_file(page, occurrence=None):
    """One event's .ics as bytes, outside any request: the attachment of RSVP emails (the same UID as the download).

    With an `occurrence` (an RSVP to one date of a repeating event), that date alone.
    """
    site = page.get_site()
    return calendar_of([page], page.title, site.hostname if site else "localhost", occurrence=occurrence).to_ical()


def calendar_of(events, name, host, request=None, occurrence=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(UTC).replace(microsecond=0)
    for page in events:
        calendar.add_component(vevent(page, request, host, stamp, occurrence))
    calendar.add_missing_timezones()  # the VTIMEZONE of a repeating event's TZID (none for times in UTC)
    return calendar


def calendar_response(request, events, filename, name, attachment=True):
    """An .ics file: a download for one event, or a feed calendar programs subscribe to."""
    body = build_calendar(request, events, name).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def with_originals(events):
    """`events` each knowing its original (`counted_page`): one query for a translated list's, not one per event."""
    default = locale_id(settings.LANGUAGE_CODE)
    translated = [page for page in events if page.locale_id != default]
    if translated and default is not None:
        keys = [page.translation_key for page in translated]
        originals = EventPage.objects.filter(locale_id=default, translation_key__in=keys)
        found = {page.translation_key: page for page in originals.prefetch_related("cancelled_occurrences")}
        for page in translated:
            page.counted_page = found.get(page.translation_key, page)
    return events


def calendar_file(request, page):
    """The feed for an events list, or one event's file."""
    if isinstance(page, EventPage):
        return calendar_response(request, [page], filename=f"{page.slug}.ics", name=page.title)
    events = with_originals(list(page.upcoming_events().prefetch_related("cancelled_occurrences")[:FEED_LIMIT]))
    response = calendar_response(request, events, filename=f"{page.slug}.ics", name=page.title, attachment=False)
    # Calendar programs poll feeds; let a cache or CDN answer them for a few minutes
    # (serve_beside_page makes a private page's feed never cached instead).
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


@require_safe
def calendar_view(request, page_path):
    """/<path of a page>.ics: the feed for an events list, or one event's file.

    A plain Django view because Wagtail's page URLs (and so routable-page
    routes) cannot contain a dot, and calendar programs like the .ics ending.
    A private page's file is a 404 to anyone who may not see the page.
    """
    return serve_beside_page(request, page_path, (EventIndexPage, EventPage), calendar_file)
