"""Sending an update to subscribers: one send, and one row per recipient so a retry never sends twice.

A delivery row is unique per (send, subscriber). A worker claims a batch of
pending rows with one atomic change of state (pending -> claimed, stamped
with the worker's claim id; on PostgreSQL the rows are picked with SELECT
... FOR UPDATE SKIP LOCKED so workers never wait on each other), sends only
the rows it claimed, then marks them sent or failed. A claimed row is never
claimed again: a worker that dies mid-batch leaves its rows unsent rather
than risk sending them twice (`sending.finish` counts them failed).
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

ACTIVE = ["queued", "sending", "paused"]


class UpdateSend(models.Model):
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        SENDING = "sending", "Sending"
        PAUSED = "paused", "Paused"
        CANCELLED = "cancelled", "Cancelled"
        DONE = "done", "Sent"

    page = models.ForeignKey("news.UpdatePage", on_delete=models.CASCADE, related_name="sends")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+", help_text="What is sent."
    )
    audience = models.JSONField(default=dict, blank=True, help_text="Who it goes to (news.audience).")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    prepared = models.BooleanField(default=False, help_text="Its delivery rows are written.")
    finished_at = models.DateTimeField(null=True, blank=True)
    # Kept counts (never counted per view): changed with F() as each batch ends.
    total = models.PositiveIntegerField(default=0)
    sent = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0, help_text="Stopped updates before their turn came.")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "email update"
        constraints = [
            # Two presses of "Send" (or two editors) never start two sends of one update.
            models.UniqueConstraint(
                fields=["page"], condition=models.Q(status__in=ACTIVE), name="one_active_send_per_update"
            )
        ]
        permissions = [("send_update", "Can email news updates to subscribers")]

    def __str__(self):
        return f"{self.page.title} ({self.get_status_display().lower()})"

    @property
    def left(self):
        if self.status == self.Status.CANCELLED:
            return 0
        if not self.prepared:
            return self.total
        return max(0, self.total - self.sent - self.failed - self.skipped)

    @property
    def is_active(self):
        return self.status in ACTIVE


class UpdateDelivery(models.Model):
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        CLAIMED = "claimed", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Not sent"

    send = models.ForeignKey(UpdateSend, on_delete=models.CASCADE, related_name="deliveries")
    # Null once the person withdraws entirely (their row is deleted): the delivery is then skipped.
    subscriber = models.ForeignKey(
        "core.Subscriber", null=True, on_delete=models.SET_NULL, related_name="update_deliveries"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    claim = models.UUIDField(null=True, blank=True, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["send", "subscriber"], name="one_delivery_per_recipient")]
        indexes = [models.Index(fields=["send", "status", "id"], name="delivery_queue")]

    def __str__(self):
        return f"Delivery {self.pk} of send {self.send_id}: {self.get_status_display().lower()}"


def emailed(sends):
    """The sends among `sends` that have reached (or are reaching) someone's inbox.

    Active ones may send at any moment; a finished or cancelled one counts once a delivery was sent or was
    out with a worker when it stopped. An update with such a send is kept (news.deleting).
    """
    out = UpdateDelivery.objects.filter(
        send=OuterRef("pk"), status__in=[UpdateDelivery.Status.SENT, UpdateDelivery.Status.CLAIMED]
    )
    return sends.filter(Q(status__in=ACTIVE) | Q(sent__gt=0) | Exists(out))
