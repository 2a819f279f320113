"""On which days a stall signs: the event's day, or each day a repeating event (the weekly stall) goes ahead.

A one-off event's stall signs until the end of its day (and before it, so an organiser can set the device
up the evening before). A repeating event's stall signs on the day of each of its dates that is not
cancelled, and on no other day; between them its device may still be let in, and says when it opens
next. Days are the site's (Europe/London), as the organisers and signers live them.
"""

from dataclasses import dataclass
from datetime import datetime, time

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from campaign.events import recurrence


def end_of_day(moment):
    """The last moment of `moment`'s day in the site's time zone."""
    day = timezone.localtime(moment).date()
    return timezone.make_aware(datetime.combine(day, time.max))


def start_of_day(moment):
    day = timezone.localtime(moment).date()
    return timezone.make_aware(datetime.combine(day, time.min))


def last_day_ends(event):
    """When the stall stops for good: the end of the day of the event's last date."""
    return end_of_day(event.series_end or event.end)


@dataclass(frozen=True)
class Today:
    """Where `now` falls among a repeating event's dates: today's date (held or cancelled), and the next held one."""

    occurrence: object = None  # recurrence.Occurrence whose day is today, or None
    next_held: object = None  # the first held Occurrence on a later day, or None

    @property
    def signs(self):
        return self.occurrence is not None and not self.occurrence.cancelled


def today_of(event, now):
    """Today's date of a repeating event and the next one that goes ahead (one query for the cancelled dates)."""
    today = timezone.localdate(now)
    found = None
    for occurrence in recurrence.each_occurrence(event, start_of_day(now)):
        day = occurrence.start.date()
        if day == today:
            found = occurrence
        elif day > today and not occurrence.cancelled:
            return Today(found, occurrence)
    return Today(found, None)


def signs_on(event, now):
    """Whether the stall of `event` takes signatures at `now` (its revoking and the statement aside)."""
    if now > last_day_ends(event):
        return False
    if not recurrence.repeats(event):
        return True
    return today_of(event, now).signs


def took_recently(event, now, grace):
    """Whether a device may still send what it took on a day the stall signed: until `grace` after that day ends."""
    if now > last_day_ends(event) + grace:
        return False
    if not recurrence.repeats(event):
        return True
    today = timezone.localdate(now)
    for occurrence in recurrence.each_occurrence(event, start_of_day(now - grace)):
        if occurrence.start.date() > today:
            return False
        if not occurrence.cancelled and now <= end_of_day(occurrence.start) + grace:
            return True
    return False


def why_not_today(event, now):
    """Why a repeating event's stall signs nothing today, and when it does next; "" when it signs today."""
    today = today_of(event, now)
    if today.signs:
        return ""
    later = ""
    if today.next_held:
        later = " " + gettext("It opens again on %(day)s.") % {"day": date_format(today.next_held.start, "l j F")}
    if today.occurrence is not None and today.occurrence.reason:
        return gettext("Today’s stall is cancelled (%(reason)s).") % {"reason": today.occurrence.reason} + later
    if today.occurrence is not None:
        return gettext("Today’s stall is cancelled.") + later
    return gettext("The stall is not on today.") + later
