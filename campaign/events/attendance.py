"""Saying you are coming, confirming, cancelling, and the waiting list: the rules, in one transaction each.

Every change locks the event's count row first (`select_for_update`), so on
PostgreSQL two people can never take the last place together, and a place
freed by a cancellation goes to exactly one person on the waiting list, who
is told in the same transaction. The counts move with each change, so the
event page reads one row instead of counting people; `recount` repairs them.
"""

import hashlib
from datetime import UTC, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from core.emails import queue_acknowledgement, queue_email
from core.subscriptions import consent, sources
from core.subscriptions.models import normalise
from core.subscriptions.wording import CURRENT

from .models.rsvps import Rsvp, RsvpCount

# Reminders go to those whose event starts within this time (the hourly job makes it "the day before").
REMINDER_AHEAD = timedelta(hours=24)

CONFIRMATION = "events/rsvp_confirmation"
PROMOTED = "events/rsvp_promoted"
REMINDER = "events/rsvp_reminder"
CHANGED = "events/rsvp_changed"
ALREADY = "events/rsvp_already"
CONFIRM_REQUEST = "events/rsvp_confirm_request"


def fingerprint(event):
    """A digest of what attendees were told: the times, the place, the online link and whether it is on.

    Times are written in UTC: a page published from its revision has them in London's time, the same
    instant written +01:00 all summer, which is no change to tell anyone about.
    """
    start, end = (moment.astimezone(UTC).isoformat() for moment in (event.start, event.end))
    parts = [start, end, event.map_query, event.online_url, str(event.cancelled)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def is_open(event, now=None):
    """Whether the event takes RSVPs now: it asks for them, is not cancelled, and has not started."""
    return event.takes_rsvps and not event.cancelled and event.start > (now or timezone.now())


def counts_for(event):
    """The event's kept counts (one row read; an event nobody answered yet has none, and shows zeros)."""
    return RsvpCount.objects.filter(event=event).first() or RsvpCount(event=event)


def locked_counts(event):
    """The event's count row, made if missing and locked until the transaction ends."""
    RsvpCount.objects.get_or_create(event=event, defaults={"announced": fingerprint(event)})
    return RsvpCount.objects.select_for_update().get(event=event)


def has_room(event, counts):
    return event.capacity is None or counts.going < event.capacity


def take(event, name, email, phone="", updates=False, site=None):
    """Record an RSVP and email its address; the RSVP (new, or the one the address already had).

    A new address gets a place if there is room, else the waiting list, and
    its confirmation; where the event asks RSVPs to be confirmed, it waits
    unconfirmed (no place, no count) for the emailed button instead. An
    address already on the list keeps what it has and is told so by email
    only (at most once per ACKNOWLEDGEMENT_INTERVAL): the caller shows every
    visitor the same page, so the form tells nobody who is coming.
    """
    email = normalise(email)
    with transaction.atomic():
        counts = locked_counts(event)
        rsvp = Rsvp.objects.current().filter(event=event, email=email).first()
        if rsvp is None:
            rsvp = Rsvp(event=event, name=name, email=email, phone=phone)
            if event.rsvps_need_confirming:
                rsvp.status = Rsvp.Status.UNCONFIRMED
                rsvp.save()
                queue_email(CONFIRM_REQUEST, rsvp, site=site)
            else:
                give_place(rsvp, counts)
                queue_email(CONFIRMATION, rsvp, site=site)
        elif rsvp.status == Rsvp.Status.UNCONFIRMED:
            # A fresh link goes out: the row lives until that link, too, has expired.
            Rsvp.objects.filter(pk=rsvp.pk).update(created_at=timezone.now())
            queue_acknowledgement(CONFIRM_REQUEST, rsvp, email, site=site)
        else:
            queue_acknowledgement(ALREADY, rsvp, email, site=site)
        if updates:
            form = f"the RSVP form for “{event.title}”"
            consent.record_unconfirmed(email, form, CURRENT, event.get_full_url(), source=rsvp)
    return rsvp


def give_place(rsvp, counts):
    """Save `rsvp` as going if there is room, else waiting, and count it (the caller holds the count lock)."""
    going = has_room(rsvp.event, counts)
    rsvp.status = Rsvp.Status.GOING if going else Rsvp.Status.WAITING
    rsvp.save()
    field = "going" if going else "waiting"
    setattr(counts, field, getattr(counts, field) + 1)
    RsvpCount.objects.filter(pk=counts.pk).update(**{field: getattr(counts, field)})


def confirm(rsvp, site=None):
    """The emailed button was pressed: an unconfirmed RSVP takes a place (or the waiting list) and counts.

    Returns the RSVP as it now is, and whether this press confirmed it (False
    for a second press); None if it is gone (purged or erased meanwhile).
    """
    with transaction.atomic():
        counts = locked_counts(rsvp.event)
        rsvp = Rsvp.objects.select_for_update(of=("self",)).select_related("event").filter(pk=rsvp.pk).first()
        if rsvp is None or rsvp.status != Rsvp.Status.UNCONFIRMED:
            return rsvp, False
        rsvp.confirmed_at = timezone.now()
        give_place(rsvp, counts)
        queue_email(CONFIRMATION, rsvp, site=site)
    return rsvp, True


def cancel(rsvp, site=None, keep_updates=False):
    """Cancel an RSVP; a freed place goes to the first on the waiting list, who is told. False if already cancelled.

    Its consent to updates goes with it, unless the person chose to keep their updates.
    """
    with transaction.atomic():
        counts = locked_counts(rsvp.event)
        rsvp = Rsvp.objects.select_for_update().select_related("event").get(pk=rsvp.pk)
        if rsvp.status == Rsvp.Status.CANCELLED:
            return False
        was = rsvp.status
        rsvp.status, rsvp.cancelled_at = Rsvp.Status.CANCELLED, timezone.now()
        rsvp.save(update_fields=["status", "cancelled_at"])
        if was == Rsvp.Status.GOING:
            counts.going -= 1
        else:
            counts.waiting -= 1
        promote(rsvp.event, counts, site=site)
        counts.save(update_fields=["going", "waiting"])
        sources.withdraw_from(rsvp, keep=keep_updates)
    return True


def promote(event, counts, site=None):
    """Give free places to those first on the waiting list and tell them (the caller holds the count lock)."""
    if event.cancelled or event.start <= timezone.now():
        return
    while counts.waiting and has_room(event, counts):
        first = Rsvp.objects.select_for_update().filter(event=event).waiting_in_turn().first()
        if first is None:
            break
        first.status, first.promoted_at = Rsvp.Status.GOING, timezone.now()
        first.save(update_fields=["status", "promoted_at"])
        counts.going += 1
        counts.waiting -= 1
        queue_email(PROMOTED, first, site=site)


def announce_changes(event, site=None):
    """After a publish: if the time, place or status differs from what attendees were told, email each of them.

    The last announced version is kept on the count row, so publishing an
    unrelated edit (or the same change twice) emails nobody. Raising the
    capacity gives the new places to the waiting list.
    """
    with transaction.atomic():
        counts = RsvpCount.objects.select_for_update().filter(event=event).first()
        if counts is None:
            return 0
        promote(event, counts, site=site)
        now = fingerprint(event)
        changed = counts.announced != now
        counts.announced = now
        counts.save(update_fields=["going", "waiting", "announced"])
        if not changed:
            return 0
        told = 0
        for rsvp in Rsvp.objects.active().filter(event=event).select_related("event").iterator():
            queue_email(CHANGED, rsvp, site=site)
            told += 1
    return told


def remind_due(now=None):
    """Queue the reminder for everyone going to a live event starting within REMINDER_AHEAD; the number queued.

    Runs hourly, so a reminder goes out the day before, a little under 24
    hours ahead. Each row is claimed (`reminded_at`) in the transaction that
    queues its email, skipping rows another run holds: a job that runs twice,
    or two workers at once, remind nobody twice.
    """
    now = now or timezone.now()
    with transaction.atomic():
        due = list(
            Rsvp.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                status=Rsvp.Status.GOING,
                reminded_at__isnull=True,
                event__live=True,
                event__cancelled=False,
                event__start__gt=now,
                event__start__lte=now + REMINDER_AHEAD,
            )
            .select_related("event")
        )
        Rsvp.objects.filter(pk__in=[rsvp.pk for rsvp in due]).update(reminded_at=now)
        sites = {}
        for rsvp in due:
            if rsvp.event_id not in sites:
                site = rsvp.event.get_site()
                sites[rsvp.event_id] = site.pk if site else None
            queue_email(REMINDER, rsvp, site=sites[rsvp.event_id])
    return len(due)


def recount(event_ids=None):
    """Repair the kept counts from the RSVPs themselves (the nightly job); the number of events repaired.

    Each event is counted while its row is locked, so an RSVP made meanwhile is never lost from the count.
    """
    if event_ids is None:
        event_ids = set(Rsvp.objects.values_list("event", flat=True).distinct())
        event_ids |= set(RsvpCount.objects.values_list("event", flat=True))
    repaired = 0
    for event_id in sorted(event_ids):
        with transaction.atomic():
            RsvpCount.objects.get_or_create(event_id=event_id)
            counts = RsvpCount.objects.select_for_update().get(event_id=event_id)
            totals = Rsvp.objects.filter(event_id=event_id).aggregate(
                going=Count("pk", filter=Q(status=Rsvp.Status.GOING)),
                waiting=Count("pk", filter=Q(status=Rsvp.Status.WAITING)),
            )
            if (counts.going, counts.waiting) != (totals["going"], totals["waiting"]):
                RsvpCount.objects.filter(pk=counts.pk).update(**totals)
                repaired += 1
    return repaired
