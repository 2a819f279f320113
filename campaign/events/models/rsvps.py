"""People who said they are coming to an event (RSVPs) or will help run it, and each event's kept counts.

The counts live in their own row (`RsvpCount`), not on the page: publishing a
Wagtail revision writes every page field back from the revision, which would
put an old count back. The row is also the lock that serialises RSVPs and
cancellations for one event (`select_for_update`), so two people never take
the last place and a freed place goes to exactly one person. A repeating
event counts each date in its own `OccurrenceCount` row, under the same lock.
"""

from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.languages import active_language
from core.subscriptions.models import normalise


class Tally(models.Model):
    """How many are going, waiting and helping: kept up to date in the RSVP and cancel transactions."""

    going = models.PositiveIntegerField(default=0)
    waiting = models.PositiveIntegerField(default=0)
    helping = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.going} going, {self.waiting} waiting, {self.helping} helping"


class RsvpCount(Tally):
    """The counts of one event (of a one-off event; a repeating one keeps them per date), and its lock.

    `announced` is the time and place attendees were last told (see
    `changes.fingerprint`): publishing a page that differs emails them.
    """

    wagtail_reference_index_ignore = True

    event = models.OneToOneField("events.EventPage", on_delete=models.CASCADE, primary_key=True, related_name="+")
    announced = models.CharField(max_length=64, blank=True)


class OccurrenceCount(Tally):
    """The counts of one date of a repeating event (`occurrence`: its start, as on the RSVPs)."""

    wagtail_reference_index_ignore = True

    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="+")
    occurrence = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "occurrence"], name="events_one_count_per_occurrence")]


# The statuses an address holds at most one of per event (the constraint below).
CURRENT_STATUSES = ["going", "waiting", "unconfirmed"]


class RsvpQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=[Rsvp.Status.GOING, Rsvp.Status.WAITING])

    def current(self):
        """The RSVPs an address may hold only one of per event: going, waiting or waiting for its confirmation."""
        return self.filter(status__in=CURRENT_STATUSES, anonymised_at__isnull=True)

    def going(self):
        return self.filter(status=Rsvp.Status.GOING)

    def of(self, event, occurrence):
        """The answers to one event, or to one date of a repeating one."""
        return self.filter(event=event, occurrence=occurrence)

    def waiting_in_turn(self):
        """The waiting list, first come first served (by when they confirmed, where the event asks them to)."""
        return self.filter(status=Rsvp.Status.WAITING).order_by(Coalesce("confirmed_at", "created_at"), "pk")


class Rsvp(models.Model):
    """One person's "I am coming" to one event: going, on the waiting list, or cancelled.

    A cancelled RSVP stays (the organisers see who dropped out) and the same
    address may say yes again; an address has at most one current RSVP per event.
    Where the event asks for it, an RSVP waits unconfirmed (taking no place)
    until the emailed button is pressed. After the event the purge empties
    the name, address and phone (`anonymised_at`) and keeps the status, so the counts stand.
    A helper (`role`) signs up the same way and counts apart; an answer to a
    repeating event is to one date (`occurrence`, its start), one per address per date.
    """

    wagtail_reference_index_ignore = True  # people, not content

    class Status(models.TextChoices):
        GOING = "going", "Going"
        WAITING = "waiting", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"
        UNCONFIRMED = "unconfirmed", "Not confirmed yet"

    class Role(models.TextChoices):
        ATTENDEE = "attendee", "Coming"
        HELPER = "helper", "Helping"

    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="rsvps")
    occurrence = models.DateTimeField(
        null=True, blank=True, db_index=True, help_text="The date they answered for, when the event repeats."
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.ATTENDEE, db_index=True)
    name = models.CharField(max_length=120)
    email = models.EmailField(max_length=254)
    phone = models.CharField(max_length=30, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.GOING, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    promoted_at = models.DateTimeField(null=True, blank=True, help_text="When a freed place went to them.")
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField("came", null=True, blank=True, help_text="Marked by the organisers on the day.")
    confirmed_at = models.DateTimeField(
        null=True, blank=True, help_text="When they pressed the emailed button, for events that ask for it."
    )
    anonymised_at = models.DateTimeField(
        null=True, blank=True, help_text="When their name, email and phone were removed, after the event."
    )
    # The language they answered in (the address's, core.languages): their emails come in it.
    language = models.CharField(max_length=16, blank=True, default=active_language, editable=False)

    objects = RsvpQuerySet.as_manager()

    class Meta:
        verbose_name = "RSVP"
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=models.Q(status__in=CURRENT_STATUSES, anonymised_at__isnull=True, occurrence__isnull=True),
                name="events_one_current_rsvp_per_address",
            ),
            models.UniqueConstraint(
                fields=["event", "occurrence", "email"],
                condition=models.Q(status__in=CURRENT_STATUSES, anonymised_at__isnull=True, occurrence__isnull=False),
                name="events_one_current_rsvp_per_address_and_date",
            ),
        ]

    def __str__(self):
        return f"{self.name or '(removed after the event)'} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        self.email = normalise(self.email)
        super().save(*args, **kwargs)
