"""People who said they are coming to an event (RSVPs), and each event's kept counts.

The counts live in their own row (`RsvpCount`), not on the page: publishing a
Wagtail revision writes every page field back from the revision, which would
put an old count back. The row is also the lock that serialises RSVPs and
cancellations for one event (`select_for_update`), so two people never take
the last place and a freed place goes to exactly one person.
"""

from django.db import models
from django.utils import timezone

from core.subscriptions.models import normalise


class RsvpCount(models.Model):
    """How many are going and waiting for one event, kept up to date in the RSVP and cancel transactions.

    `announced` is the time and place attendees were last told (see
    `changes.fingerprint`): publishing a page that differs emails them.
    """

    wagtail_reference_index_ignore = True

    event = models.OneToOneField("events.EventPage", on_delete=models.CASCADE, primary_key=True, related_name="+")
    going = models.PositiveIntegerField(default=0)
    waiting = models.PositiveIntegerField(default=0)
    announced = models.CharField(max_length=64, blank=True)

    def __str__(self):
        return f"{self.going} going, {self.waiting} waiting"


class RsvpQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=[Rsvp.Status.GOING, Rsvp.Status.WAITING])

    def going(self):
        return self.filter(status=Rsvp.Status.GOING)

    def waiting_in_turn(self):
        """The waiting list, first come first served."""
        return self.filter(status=Rsvp.Status.WAITING).order_by("created_at", "pk")


class Rsvp(models.Model):
    """One person's "I am coming" to one event: going, on the waiting list, or cancelled.

    A cancelled RSVP stays (the organisers see who dropped out) and the same
    address may say yes again; an address has at most one active RSVP per event.
    """

    wagtail_reference_index_ignore = True  # people, not content

    class Status(models.TextChoices):
        GOING = "going", "Going"
        WAITING = "waiting", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"

    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="rsvps")
    name = models.CharField(max_length=120)
    email = models.EmailField(max_length=254)
    phone = models.CharField(max_length=30, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.GOING, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    promoted_at = models.DateTimeField(null=True, blank=True, help_text="When a freed place went to them.")
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField("came", null=True, blank=True, help_text="Marked by the organisers on the day.")

    objects = RsvpQuerySet.as_manager()

    class Meta:
        verbose_name = "RSVP"
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=models.Q(status__in=["going", "waiting"]),
                name="events_one_active_rsvp_per_address",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        self.email = normalise(self.email)
        super().save(*args, **kwargs)
