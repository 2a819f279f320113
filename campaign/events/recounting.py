"""Repairing the kept RSVP counts from the RSVPs themselves: the nightly job, safe to run at any time."""

from django.db import transaction
from django.db.models import Count, Q

from .models.rsvps import OccurrenceCount, Rsvp, RsvpCount

TOTALS = {
    "going": Count("pk", filter=Q(status=Rsvp.Status.GOING, role=Rsvp.Role.ATTENDEE)),
    "waiting": Count("pk", filter=Q(status=Rsvp.Status.WAITING)),
    "helping": Count("pk", filter=Q(status=Rsvp.Status.GOING, role=Rsvp.Role.HELPER)),
}


def recount_dates(event_id):
    """Repair one repeating event's per-date counts (the caller holds the event's lock); True if any was wrong."""
    kept = {row.occurrence: row for row in OccurrenceCount.objects.select_for_update().filter(event_id=event_id)}
    counted = Rsvp.objects.filter(event_id=event_id, occurrence__isnull=False).values("occurrence")
    repaired = False
    for totals in counted.annotate(**TOTALS).order_by("occurrence"):
        occurrence = totals.pop("occurrence")
        row = kept.pop(occurrence, None) or OccurrenceCount.objects.create(event_id=event_id, occurrence=occurrence)
        if (row.going, row.waiting, row.helping) != (totals["going"], totals["waiting"], totals["helping"]):
            OccurrenceCount.objects.filter(pk=row.pk).update(**totals)
            repaired = True
    stale = [row.pk for row in kept.values() if (row.going, row.waiting, row.helping) != (0, 0, 0)]
    OccurrenceCount.objects.filter(pk__in=stale).update(going=0, waiting=0, helping=0)
    return repaired or bool(stale)


def recount(event_ids=None):
    """Repair the kept counts from the RSVPs themselves (the nightly job); the number of events repaired.

    Each event is counted while its row is locked, so an RSVP made meanwhile is never lost from the count.
    """
    if event_ids is None:
        event_ids = set(Rsvp.objects.values_list("event", flat=True).distinct())
        event_ids |= set(RsvpCount.objects.values_list("event", flat=True))
        event_ids |= set(OccurrenceCount.objects.values_list("event", flat=True))
    repaired = 0
    for event_id in sorted(event_ids):
        with transaction.atomic():
            RsvpCount.objects.get_or_create(event_id=event_id)
            counts = RsvpCount.objects.select_for_update().get(event_id=event_id)
            totals = Rsvp.objects.filter(event_id=event_id, occurrence__isnull=True).aggregate(**TOTALS)
            wrong = (counts.going, counts.waiting, counts.helping) != tuple(totals[name] for name in TOTALS)
            if wrong:
                RsvpCount.objects.filter(pk=counts.pk).update(**totals)
            if recount_dates(event_id) or wrong:
                repaired += 1
    return repaired
