"""A host: a supporter who runs one event through a private link; and the log of what hosts and organisers did."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.subscriptions.models import normalise


class Host(models.Model):
    """One person's access to manage one event: the submitter once accepted, or a co-host they invited.

    The private link is bound to the address, `link_version` and whether access was taken away
    (tokens.py): revoking kills every link this host was sent, and giving access back never revives them.
    """

    wagtail_reference_index_ignore = True  # people, not content

    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="hosts")
    name = models.CharField(max_length=120)
    email = models.EmailField(max_length=254)
    submission = models.ForeignKey(
        "events.EventSubmission", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="co_hosts", verbose_name="invited by"
    )
    trusted = models.BooleanField(
        default=False, help_text="Their messages to people coming go out at once, without an organiser's approval."
    )
    contacts_allowed = models.BooleanField(
        "may see contact details",
        default=False,
        help_text="They see the email address and phone number of each person coming, not only names.",
    )
    revoked_at = models.DateTimeField("access taken away", null=True, blank=True)
    link_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField("last used", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "email"], name="hosts_one_host_per_address_per_event")]

    def __str__(self):
        return f"{self.name} ({self.event})"

    def save(self, *args, **kwargs):
        self.email = normalise(self.email)
        super().save(*args, **kwargs)

    @property
    def is_revoked(self):
        return self.revoked_at is not None


class HostAction(models.Model):
    """One line of the log organisers read: a message sent, held, approved or refused; a change; a count."""

    wagtail_reference_index_ignore = True

    class Kind(models.TextChoices):
        LINK_SENT = "link_sent", "Link sent"
        MESSAGE_SENT = "message_sent", "Message sent (trusted host)"
        MESSAGE_HELD = "message_held", "Message held for approval"
        MESSAGE_APPROVED = "message_approved", "Message approved and sent"
        MESSAGE_REFUSED = "message_refused", "Message refused"
        CHANGED = "changed", "Time or place changed"
        CANCELLED = "cancelled", "Event cancelled"
        ATTENDANCE = "attendance", "Attendance marked"
        PAPER = "paper", "Paper signatures reported"
        PAPER_IMPORTED = "paper_imported", "Paper sheets imported"
        CO_HOST = "co_host", "Co-host invited"
        REVOKED = "revoked", "Access taken away"
        RESTORED = "restored", "Access given back"

    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="+")
    host = models.ForeignKey(Host, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    detail = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField("when", default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "host action"

    def __str__(self):
        return f"{self.get_kind_display()}: {self.event}"

    @classmethod
    def log(cls, event, kind, host=None, organiser=None, detail=""):
        return cls.objects.create(event=event, host=host, organiser=organiser, kind=kind, detail=detail[:300])
