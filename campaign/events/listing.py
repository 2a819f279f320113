"""Upcoming events in the order a visitor wants them: by their next date, so a weekly stall sits among
this week's events rather than at the date it first took place.

A repeating event's next date is computed from its rule (`recurrence`), not stored, so the order is
made here, in Python, over a bounded list: with a `limit` (the home page's next few), the soonest
one-off events by start plus every repeating one, which are few; without, every upcoming event up to
LIST_LIMIT. The cancelled dates come in one prefetch query, whatever the number of events or dates.
"""

from itertools import chain

LIST_LIMIT = 500


def soonest_first(events, limit=None):
    """`events` (a queryset of upcoming EventPages), ordered by their next date, at most `limit` of them."""
    events = events.prefetch_related("cancelled_occurrences")
    if limit is None:
        chosen = list(events.order_by("start", "pk")[:LIST_LIMIT])
    else:
        one_off = events.filter(repeats="").order_by("start", "pk")[:limit]
        chosen = list(chain(one_off, events.exclude(repeats="")[:LIST_LIMIT]))
    chosen.sort(key=lambda event: (event.listed_start, event.pk))
    return chosen if limit is None else chosen[:limit]
