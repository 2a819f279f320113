"""How long RSVPs keep personal data: after the event, and for unconfirmed ones, after their link.

RSVPs of an event (or of a date of a repeating one) that ended RSVP_RETENTION_DAYS ago lose their name, email
and phone (`anonymised_at`); their status and "came" stay, so the kept counts
and `recount` still agree. Cancelled and never-confirmed ones count nothing
and are deleted outright, as is an unconfirmed RSVP once its confirm link
has expired. Run hourly by tasks.py; safe to run late or twice.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models.rsvps import Rsvp
from .tokens import CONFIRM_MAX_AGE


def forget_past_attendees(now=None):
    """Anonymise the RSVPs of events that ended RSVP_RETENTION_DAYS ago; the number of RSVPs affected."""
    now = now or timezone.now()
    cut = now - timedelta(days=settings.RSVP_RETENTION_DAYS)
    # A date's start a day before the cut: every date of a repeating event ends on the day it starts.
    past = Rsvp.objects.filter(
        Q(occurrence__isnull=True, event__end__lt=cut) | Q(occurrence__lt=cut - timedelta(days=1))
    )
    with transaction.atomic():
        deleted, _ = past.exclude(status__in=[Rsvp.Status.GOING, Rsvp.Status.WAITING]).delete()
        anonymised = past.filter(anonymised_at__isnull=True).update(name="", email="", phone="", anonymised_at=now)
    return deleted + anonymised


def purge_expired_requests(now=None):
    """Delete unconfirmed RSVPs whose confirm link has expired (re-asking renews it); the number deleted."""
    now = now or timezone.now()
    expired = Rsvp.objects.filter(
        status=Rsvp.Status.UNCONFIRMED, created_at__lt=now - timedelta(seconds=CONFIRM_MAX_AGE)
    )
    deleted, _ = expired.delete()
    return deleted
