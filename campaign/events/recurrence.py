"""Repeating events (the weekly stall): an editor's simple choice turned into dates with dateutil's rrule.

Dates are computed in the site's zone (Europe/London) from the first date's wall time, so a stall at 10:00
stays at 10:00 across the clock change. An occurrence is named by its start (stored in UTC on an RSVP);
a cancelled date (`OccurrenceCancellation`, an inline on the page) marks the occurrence on that day.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from itertools import islice

from dateutil import rrule
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext

# Bounds on a rule, so the dates of any series are cheap to compute (two years of weekly stalls).
MAX_REPEATS = 104
MAX_SPAN = timedelta(days=2 * 366)


class Repeat(models.TextChoices):
    NEVER = "", "Does not repeat"
    WEEKLY = "weekly", "Every week"
    FORTNIGHTLY = "fortnightly", "Every other week"
    MONTHLY = "monthly", "Every month, on the first of its weekday (such as the first Saturday)"


@dataclass(frozen=True)
class Occurrence:
    """One date of an event: its start and end in the site's zone, and whether that date is cancelled."""

    start: datetime
    end: datetime
    cancelled: bool = False
    reason: str = ""

    @property
    def key(self):
        """How a form names this occurrence: its start in UTC, to the second."""
        return self.start.astimezone(UTC).isoformat()


def local(moment):
    return timezone.localtime(moment)


def repeats(event):
    return bool(getattr(event, "repeats", ""))


def rule_of(event):
    """The event's dateutil rule, dates in the site's zone; None for a one-off event."""
    if not repeats(event):
        return None
    first = local(event.start)
    options = {"dtstart": first, "count": event.repeat_count or None}
    if event.repeat_until:
        options["until"] = datetime.combine(event.repeat_until, time(23, 59, 59), tzinfo=first.tzinfo)
    elif not event.repeat_count:
        options["until"] = first + MAX_SPAN  # "until further notice" still ends somewhere
    if event.repeats == Repeat.MONTHLY:
        return rrule.rrule(rrule.MONTHLY, byweekday=rrule.weekday(first.weekday())(+1), **options)
    interval = 2 if event.repeats == Repeat.FORTNIGHTLY else 1
    return rrule.rrule(rrule.WEEKLY, interval=interval, **options)


def duration_of(event):
    """How long each occurrence lasts, in wall-clock time (10:00 to 13:00 is three hours on any day)."""
    return local(event.end).replace(tzinfo=None) - local(event.start).replace(tzinfo=None)


def cancelled_dates(event):
    """{date: reason} of the event's cancelled occurrences: one query per event object (none when prefetched).

    Kept on the object, so a page that asks again and again (its dates, its next date, its data) asks once.
    """
    if "_cancelled_dates" not in event.__dict__:
        event.__dict__["_cancelled_dates"] = {row.date: row.reason for row in event.cancelled_occurrences.all()}
    return event.__dict__["_cancelled_dates"]


def occurrence_at(event, start, cancelled):
    start = local(start)
    end = (start.replace(tzinfo=None) + duration_of(event)).replace(tzinfo=start.tzinfo)
    day = start.date()
    return Occurrence(start, end, day in cancelled, cancelled.get(day, ""))


def each_occurrence(event, after=None):
    """The event's occurrences that have not ended by `after` (all when None), soonest first, one at a time.

    A one-off event has one occurrence, cancelled when the event is.
    """
    if not repeats(event):
        if after is None or event.end >= after:
            yield Occurrence(local(event.start), local(event.end), event.cancelled)
        return
    rule, cancelled = rule_of(event), cancelled_dates(event)
    starts = rule if after is None else rule.xafter(local(after) - duration_of(event), inc=False)
    for start in starts:
        yield occurrence_at(event, start, cancelled)


def occurrences(event, after=None, limit=MAX_REPEATS):
    """The first `limit` of `each_occurrence`, as a list."""
    return list(islice(each_occurrence(event, after), limit))


def next_held(event, now=None):
    """The next occurrence that is not cancelled and has not ended; None when there is none."""
    if event.cancelled:
        return None
    return next((item for item in each_occurrence(event, now or timezone.now()) if not item.cancelled), None)


def find(event, start):
    """The occurrence starting at `start` (an aware time), or None if the rule has no such date."""
    start = local(start)
    if not repeats(event):
        return None
    rule = rule_of(event)
    found = rule.after(start - timedelta(seconds=1), inc=True)
    if found is None or found != start:
        return None
    return occurrence_at(event, found, cancelled_dates(event))


def last_end(event):
    """When the series' last occurrence ends: the event's end for a one-off event."""
    if not repeats(event):
        return event.end
    starts = list(rule_of(event))
    return occurrence_at(event, starts[-1], {}).end if starts else event.end


def problems(event):
    """What is wrong with a repeating event's rule, as {field: message}; {} when it yields sensible dates."""
    if not repeats(event) or not event.start or not event.end:
        return {}
    first = local(event.start)
    if event.repeat_until and event.repeat_count:
        return {"repeat_count": "Choose a last date or a number of times, not both."}
    if event.repeat_until and event.repeat_until < first.date():
        return {"repeat_until": "The last date is before the first, so the event would never take place."}
    if event.repeat_until and event.repeat_until > (first + MAX_SPAN).date():
        return {"repeat_until": "Repeat for at most two years; publish it again after that."}
    if duration_of(event) >= timedelta(days=1):
        return {"end": "A repeating event ends on the day it starts."}
    if event.repeats == Repeat.MONTHLY and first.day > 7:
        weekday = date_format(first, "l")
        return {
            "start": f"The first date, {date_format(first, 'j F')}, is not the first {weekday} of its month: "
            f"choose the first {weekday}, or another way of repeating."
        }
    if rule_of(event).after(first, inc=True) is None:
        return {"repeats": "These choices give no dates. Check the first date and the last."}
    return {}


def in_short(event):
    """How often, in a few words for a card: "Every Saturday"."""
    weekday = date_format(local(event.start), "l")
    words = {
        Repeat.WEEKLY: gettext("Every %(weekday)s"),
        Repeat.FORTNIGHTLY: gettext("Every other %(weekday)s"),
        Repeat.MONTHLY: gettext("The first %(weekday)s of each month"),
    }[event.repeats]
    return capfirst(words % {"weekday": weekday})


def describe(event):
    """The rule in words: "Every Saturday, 10:00 to 13:00, until 27 March 2027"."""
    first = local(event.start)
    end = (first.replace(tzinfo=None) + duration_of(event)).time()
    parts = {"often": in_short(event), "start": f"{first:%H:%M}", "end": f"{end:%H:%M}"}
    if event.repeat_until:
        last = date_format(event.repeat_until, "j F Y")
        return gettext("%(often)s, %(start)s to %(end)s, until %(last)s") % {**parts, "last": last}
    if event.repeat_count:
        first_date = date_format(first, "j F Y")
        return gettext("%(often)s, %(start)s to %(end)s, %(count)s times from %(first)s") % {
            **parts,
            "count": event.repeat_count,
            "first": first_date,
        }
    return gettext("%(often)s, %(start)s to %(end)s") % parts
