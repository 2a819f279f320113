"""Saying you are coming or will help, confirming, cancelling, and the waiting list: one transaction each.

Every change locks the event's count row first (`select_for_update`), so on
PostgreSQL two people can never take the last place together, and a place
freed by a cancellation goes to exactly one person on the waiting list, who
is told in the same transaction. The counts move with each change, so the
event page reads one row instead of counting people; `recount` repairs them.
A repeating event's answers are to one date (`occurrence`) and counted per date
(`OccurrenceCount`), under the same event lock. Helpers count apart from those
coming and have no waiting list: when enough have signed up, the page stops asking.
"""

import hashlib
from datetime import UTC, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.emails import queue_acknowledgement, queue_email
from core.languages import active_language
from core.subscriptions import consent, sources
from core.subscriptions.models import normalise
from core.subscriptions.wording import CURRENT

from . import recurrence
from .models.rsvps import OccurrenceCount, Rsvp, RsvpCount

# Reminders go to those whose event starts within this time (the hourly job makes it "the day before").
REMINDER_AHEAD = timedelta(hours=24)

CONFIRMATION = "events/rsvp_confirmation"
PROMOTED = "events/rsvp_promoted"
REMINDER = "events/rsvp_reminder"
CHANGED = "events/rsvp_changed"
ALREADY = "events/rsvp_already"
CONFIRM_REQUEST = "events/rsvp_confirm_request"
CALLED_OFF = "events/rsvp_called_off"


def fingerprint(event):
    """A digest of what attendees were told: the times, the place, the online link and whether it is on.

    Times are written in UTC: a page published from its revision has them in London's time, the same
    instant written +01:00 all summer, which is no change to tell anyone about.
    """
    start, end = (moment.astimezone(UTC).isoformat() for moment in (event.start, event.end))
    parts = [start, end, event.map_query, event.online_url, str(event.cancelled)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class HelpersFound(Exception):
    """Every helper's place on that date was taken meanwhile (helpers have no waiting list)."""


def asks(event, role):
    """Whether the event asks for this kind of answer at all: RSVPs, or helpers."""
    return bool(event.helpers_wanted) if role == Rsvp.Role.HELPER else event.takes_rsvps


def is_open(event, now=None, occurrence=None, role=Rsvp.Role.ATTENDEE):
    """Whether the event (or that date of it) takes this answer now: asked for, not cancelled, not started."""
    start = occurrence.start if occurrence else event.start
    cancelled = event.cancelled or (occurrence is not None and occurrence.cancelled)
    return asks(event, role) and not cancelled and start > (now or timezone.now())


def counts_for(event, occurrence=None):
    """The kept counts of the event, or of one date (one row read; nobody answered yet: zeros)."""
    if occurrence is None:
        return RsvpCount.objects.filter(event=event).first() or RsvpCount(event=event)
    found = OccurrenceCount.objects.filter(event=event, occurrence=occurrence).first()
    return found or OccurrenceCount(event=event, occurrence=occurrence)


def counts_by_date(event, starts):
    """{start: counts} for several dates of a repeating event, in one query (zeros where nobody answered)."""
    rows = {row.occurrence: row for row in OccurrenceCount.objects.filter(event=event, occurrence__in=list(starts))}
    return {start: rows.get(start) or OccurrenceCount(event=event, occurrence=start) for start in starts}


def locked_counts(event, occurrence=None):
    """The event's count row (the event's lock), made if missing and locked until the transaction ends;
    for a date of a repeating event, that date's row, locked after it."""
    RsvpCount.objects.get_or_create(event=event, defaults={"announced": fingerprint(event)})
    event_counts = RsvpCount.objects.select_for_update().get(event=event)
    if occurrence is None:
        return event_counts
    OccurrenceCount.objects.get_or_create(event=event, occurrence=occurrence)
    return OccurrenceCount.objects.select_for_update().get(event=event, occurrence=occurrence)


def has_room(event, counts):
    return event.capacity is None or counts.going < event.capacity


def helpers_needed(event, counts):
    """How many more helpers the event (or that date) wants: 0 when enough have signed up or none are asked."""
    return max(0, (event.helpers_wanted or 0) - counts.helping)


def take(event, name, email, phone="", updates=False, site=None, occurrence=None, role=Rsvp.Role.ATTENDEE, shown=None):
    """Record an RSVP (or a helper) and email its address; the RSVP (new, or the one the address already had).

    A new address gets a place if there is room, else the waiting list, and
    its confirmation; where the event asks RSVPs to be confirmed, it waits
    unconfirmed (no place, no count) for the emailed button instead. An
    address already on the list (for that date) keeps what it has and is told so by email
    only (at most once per ACKNOWLEDGEMENT_INTERVAL): the caller shows every
    visitor the same page, so the form tells nobody who is coming.
    `occurrence` is the date's start, for a repeating event. A helper when every
    helper's place is taken raises HelpersFound (the caller says so politely).
    `event` is the original (EventPage.counted_page); `shown`, the version the person answered on,
    names the form in the consent record (its title and address, in their language).
    """
    email = normalise(email)
    with transaction.atomic():
        counts = locked_counts(event, occurrence)
        rsvp = Rsvp.objects.current().of(event, occurrence).filter(email=email).first()
        if rsvp is None:
            if role == Rsvp.Role.HELPER and not helpers_needed(event, counts):
                raise HelpersFound
            rsvp = Rsvp(event=event, name=name, email=email, phone=phone, occurrence=occurrence, role=role)
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
            shown = shown or event
            # The words they ticked now, on this page: an earlier RSVP of theirs may have been in another language.
            language = active_language()
            form = consent.form_name(_("the RSVP form for “%(title)s”"), language, title=shown.title)
            consent.record_unconfirmed(email, form, CURRENT, shown.get_full_url(), source=rsvp, language=language)
    return rsvp


def counted_as(rsvp):
    """Which kept count an RSVP adds to: helping, going or waiting (None: it counts nowhere)."""
    if rsvp.status == Rsvp.Status.GOING:
        return "helping" if rsvp.role == Rsvp.Role.HELPER else "going"
    return "waiting" if rsvp.status == Rsvp.Status.WAITING else None


def move(counts, field, by):
    setattr(counts, field, getattr(counts, field) + by)
    type(counts).objects.filter(pk=counts.pk).update(**{field: getattr(counts, field)})


def give_place(rsvp, counts):
    """Save `rsvp` as going if there is room, else waiting, and count it (the caller holds the count lock).

    A helper always goes: take() and confirm() refuse one when enough have signed up.
    """
    going = rsvp.role == Rsvp.Role.HELPER or has_room(rsvp.event, counts)
    rsvp.status = Rsvp.Status.GOING if going else Rsvp.Status.WAITING
    rsvp.save()
    move(counts, counted_as(rsvp), 1)


def confirm(rsvp, site=None):
    """The emailed button was pressed: an unconfirmed RSVP takes a place (or the waiting list) and counts.

    Returns the RSVP as it now is, and whether this press confirmed it (False
    for a second press); None if it is gone (purged or erased meanwhile).
    """
    with transaction.atomic():
        counts = locked_counts(rsvp.event, rsvp.occurrence)
        rsvp = Rsvp.objects.select_for_update(of=("self",)).select_related("event").filter(pk=rsvp.pk).first()
        if rsvp is None or rsvp.status != Rsvp.Status.UNCONFIRMED:
            return rsvp, False
        if rsvp.role == Rsvp.Role.HELPER and not helpers_needed(rsvp.event, counts):
            raise HelpersFound
        rsvp.confirmed_at = timezone.now()
        give_place(rsvp, counts)
        queue_email(CONFIRMATION, rsvp, site=site)
    return rsvp, True


def cancel(rsvp, site=None, keep_updates=False):
    """Cancel an RSVP; a freed place goes to the first on the waiting list, who is told. False if already cancelled.

    Its consent to updates goes with it, unless the person chose to keep their updates.
    """
    with transaction.atomic():
        counts = locked_counts(rsvp.event, rsvp.occurrence)
        rsvp = Rsvp.objects.select_for_update().select_related("event").get(pk=rsvp.pk)
        if rsvp.status == Rsvp.Status.CANCELLED:
            return False
        field = counted_as(rsvp)
        rsvp.status, rsvp.cancelled_at = Rsvp.Status.CANCELLED, timezone.now()
        rsvp.save(update_fields=["status", "cancelled_at"])
        if field:
            setattr(counts, field, getattr(counts, field) - 1)
        promote(rsvp.event, counts, site=site)
        counts.save(update_fields=["going", "waiting", "helping"])
        sources.withdraw_from(rsvp, keep=keep_updates)
    return True


def promote(event, counts, site=None):
    """Give free places to those first on the waiting list and tell them (the caller holds the count lock)."""
    start = getattr(counts, "occurrence", None) or event.start
    if event.cancelled or start <= timezone.now():
        return
    occurrence = getattr(counts, "occurrence", None)
    while counts.waiting and has_room(event, counts):
        first = Rsvp.objects.select_for_update().of(event, occurrence).waiting_in_turn().first()
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
    capacity gives the new places to the waiting list. Answers to a date
    cancelled since are cancelled, and each person told (`call_off`).
    """
    with transaction.atomic():
        counts = RsvpCount.objects.select_for_update().filter(event=event).first()
        if counts is None:
            return 0
        call_off(event, site=site)
        promote(event, counts, site=site)
        waiting = OccurrenceCount.objects.select_for_update().filter(event=event, waiting__gt=0)
        for dated in waiting.filter(occurrence__gt=timezone.now()):
            promote(event, dated, site=site)
            dated.save(update_fields=["going", "waiting"])
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


def call_off(event, site=None):
    """Cancel the answers to dates of the event cancelled since, and tell each person (the caller holds the lock).

    Cancelled, they are never told twice; the other dates' answers stand.
    """
    off = recurrence.cancelled_dates(event) if event.repeats else {}
    if not off:
        return
    now = timezone.now()
    for rsvp in Rsvp.objects.current().filter(event=event, occurrence__gt=now).order_by("occurrence", "pk"):
        if recurrence.local(rsvp.occurrence).date() not in off:
            continue
        counts = locked_counts(event, rsvp.occurrence)
        field = counted_as(rsvp)
        rsvp.status, rsvp.cancelled_at = Rsvp.Status.CANCELLED, now
        rsvp.save(update_fields=["status", "cancelled_at"])
        if field:
            move(counts, field, -1)
        queue_email(CALLED_OFF, rsvp, site=site)


def remind_due(now=None):
    """Queue the reminder for everyone going to a live event (or date) starting within REMINDER_AHEAD.

    Returns the number queued. A date cancelled since is claimed but not reminded (emails.to_reminded).

    Runs hourly, so a reminder goes out the day before, a little under 24
    hours ahead. Each row is claimed (`reminded_at`) in the transaction that
    queues its email, skipping rows another run holds: a job that runs twice,
    or two workers at once, remind nobody twice.
    """
    now = now or timezone.now()
    with transaction.atomic():
        due = list(
            Rsvp.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(status=Rsvp.Status.GOING, reminded_at__isnull=True, event__live=True, event__cancelled=False)
            .filter(
                Q(occurrence__isnull=True, event__start__gt=now, event__start__lte=now + REMINDER_AHEAD)
                | Q(occurrence__gt=now, occurrence__lte=now + REMINDER_AHEAD)
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
