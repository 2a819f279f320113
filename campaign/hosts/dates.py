"""A repeating event's host page, date by date: each date's counts and people, the next date first.

People answer a weekly stall for one date (`Rsvp.occurrence`), so whole-event counts and one list of
everyone would tell a host nothing about Saturday. The same flat queries as a one-off event's page,
grouped here; the counts of every date shown in one query (attendance.counts_by_date).
"""

from dataclasses import dataclass, field

from django.utils import timezone

from campaign.events import attendance, recurrence
from campaign.events.models import Rsvp

DATES_AHEAD = 6  # the next few dates, so a host sees who is coming soon; later dates show once someone answers


@dataclass
class DateOnHostPage:
    start: object
    cancelled: bool
    reason: str
    counts: object = None
    attendees: list = field(default_factory=list)
    helpers: list = field(default_factory=list)
    waiting: list = field(default_factory=list)

    @property
    def people(self):
        return self.attendees + self.helpers


def dates_of(event, people, waiting, now=None):
    """The upcoming dates (soonest first), then earlier dates someone answered for (latest first)."""
    now = now or timezone.now()
    ahead = recurrence.occurrences(event, after=now, limit=DATES_AHEAD)
    answered = {rsvp.occurrence for rsvp in [*people, *waiting] if rsvp.occurrence}
    shown = {one.start for one in ahead}
    later = [recurrence.find(event, start) for start in sorted(answered - shown)]
    later = [one for one in later if one is not None]
    upcoming = ahead + [one for one in later if one.end >= now]
    earlier = sorted((one for one in later if one.end < now), key=lambda one: one.start, reverse=True)
    dates = [DateOnHostPage(one.start, one.cancelled, one.reason) for one in upcoming + earlier]
    counts = attendance.counts_by_date(event, [day.start for day in dates])
    by_start = {day.start: day for day in dates}
    for day in dates:
        day.counts = counts[day.start]
    for rsvp in people:
        if (day := by_start.get(rsvp.occurrence)) is not None:
            (day.helpers if rsvp.role == Rsvp.Role.HELPER else day.attendees).append(rsvp)
    for rsvp in waiting:
        if (day := by_start.get(rsvp.occurrence)) is not None:
            day.waiting.append(rsvp)
    return dates
