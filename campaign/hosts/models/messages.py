"""A host's message to everyone coming (held until approved unless the host is trusted), and paper counts.

Each recipient gets one delivery row, unique per (message, RSVP), claimed before it is sent:
approving twice, or a retried task, never sends anyone a second copy (see messaging.py).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .hosts import Host


class HostMessage(models.Model):
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        HELD = "held", "Waiting for approval"
        SENDING = "sending", "Approved: sending"
        SENT = "sent", "Sent"
        REFUSED = "refused", "Refused"

    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="+")
    host = models.ForeignKey(Host, null=True, on_delete=models.SET_NULL, related_name="messages")
    subject = models.CharField(max_length=120)
    body = models.TextField(max_length=3000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.HELD, db_index=True)
    created_at = models.DateTimeField("written", default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    refusal_reason = models.CharField(max_length=500, blank=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "host's message"
        verbose_name_plural = "hosts' messages"

    def __str__(self):
        return self.subject


class HostMessageDelivery(models.Model):
    """One person's copy of a message: pending, claimed by a sending task, then sent, failed or skipped."""

    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        CLAIMED = "claimed", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Not sent (cancelled or stopped emails)"

    message = models.ForeignKey(HostMessage, on_delete=models.CASCADE, related_name="deliveries")
    rsvp = models.ForeignKey("events.Rsvp", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["message", "rsvp"], name="hosts_one_copy_per_person")]

    def __str__(self):
        return f"{self.message}: {self.get_status_display()}"


class PaperReport(models.Model):
    """How many signed on paper at the event, as its host reported: organisers import the sheets against it."""

    wagtail_reference_index_ignore = True

    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="+")
    host = models.ForeignKey(Host, null=True, on_delete=models.SET_NULL, related_name="paper_reports")
    signatures = models.PositiveIntegerField("signatures on paper")
    note = models.TextField(max_length=1000, blank=True)
    reported_at = models.DateTimeField(default=timezone.now)
    imported_at = models.DateTimeField("sheets imported", null=True, blank=True)

    class Meta:
        ordering = ["-reported_at", "-pk"]
        verbose_name = "paper count"

    def __str__(self):
        return f"{self.signatures} on paper at {self.event}"

    @property
    def batch_name(self):
        """The import batch's name: the event and its day, as an organiser finds the sheets filed."""
        return f"{self.event.title}, {timezone.localtime(self.event.start):%-d %B %Y}"


class MessagesStopped(models.Model):
    """A person coming who asked for no more hosts' messages about this event (the one-click link in each)."""

    wagtail_reference_index_ignore = True

    rsvp = models.OneToOneField("events.Rsvp", on_delete=models.CASCADE, primary_key=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"No hosts' messages: RSVP {self.rsvp_id}"
