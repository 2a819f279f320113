"""A stall's ceiling: past so many entries a minute or a day, what arrives is held for review, never dropped.

A real stall signs a person every half minute or so; a device (or a copied
cookie) posting hundreds at once is not one. Held entries wait, uncounted
and unemailed, for an organiser on the review screen (grouped by stall), and
the organisers are told once per stall.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from core.emails import queue_email

from .models import Stall

ALERT_EMAIL = "stalls/ceiling_alert"


class Ceiling:
    """Counts a stall's entries of the last minute and day once, then each one taken in this request."""

    def __init__(self, stall, now=None):
        now = now or timezone.now()
        self.stall = stall
        self.limits = settings.STALL_CEILING
        recent = stall.entries.aggregate(
            minute=Count("pk", filter=Q(created_at__gte=now - timedelta(minutes=1))),
            day=Count("pk", filter=Q(created_at__gte=now - timedelta(days=1))),
        )
        self.minute, self.day = recent["minute"], recent["day"]

    def admits_one_more(self):
        """Count one more entry; False once it is past either limit (hold it)."""
        self.minute += 1
        self.day += 1
        return self.minute <= self.limits["minute"] and self.day <= self.limits["day"]


def alert_organisers_once(stall):
    """Tell the organisers the first time the stall's entries are held; never again for that stall."""
    if Stall.objects.filter(pk=stall.pk, ceiling_alerted_at__isnull=True).update(ceiling_alerted_at=timezone.now()):
        queue_email(ALERT_EMAIL, stall)
