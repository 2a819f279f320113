"""A record of each queued email's hand-over to the provider, written before and after its answer.

A worker can die between the provider accepting a message and its task being marked done; the task then
runs again (core/task_leases.py). A record saying "sent" stops a second copy; one still "sending" is sent
again, since a lost confirmation costs a signature and a duplicate only a moment.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone

# anymail backends whose providers drop a repeated message given the same key in this header.
IDEMPOTENCY_HEADERS = {
    "anymail.backends.brevo.EmailBackend": "idempotencyKey",
    "anymail.backends.sendinblue.EmailBackend": "idempotencyKey",
}


class EmailSend(models.Model):
    """One queued email (its key, made when it was queued), not who it went to: the queue holds no personal data."""

    SENDING = "sending"
    SENT = "sent"

    key = models.UUIDField(primary_key=True)
    template = models.CharField(max_length=100)
    state = models.CharField(max_length=8, choices=[(SENDING, "sending"), (SENT, "sent")], default=SENDING)
    handovers = models.PositiveSmallIntegerField(default=1)  # times it was given to the provider
    provider_message_id = models.CharField(max_length=255, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["started_at"], name="core_emailsend_started")]

    def __str__(self):
        return f"{self.template} {self.key}: {self.state}"


def begin(key, template):
    """Record that the email `key` is being given to the provider; False if the provider already accepted it."""
    record, created = EmailSend.objects.get_or_create(key=key, defaults={"template": template})
    if created:
        return True
    if record.state == EmailSend.SENT:
        return False
    EmailSend.objects.filter(key=key).update(handovers=F("handovers") + 1, started_at=timezone.now())
    return True


def finish(key, message):
    """Record the provider's acceptance of `message` (anymail's status carries its message id)."""
    status = getattr(message, "anymail_status", None)
    message_id = status.message_id if status else None
    if isinstance(message_id, set):
        message_id = ",".join(sorted(str(part) for part in message_id))
    provider_message_id = "" if message_id is None else str(message_id)[:255]
    EmailSend.objects.filter(key=key).update(
        state=EmailSend.SENT, sent_at=timezone.now(), provider_message_id=provider_message_id
    )


def idempotency_header():
    """The header that carries the idempotency key to this provider, or None where it takes none."""
    return settings.EMAIL_IDEMPOTENCY_HEADER or IDEMPOTENCY_HEADERS.get(settings.EMAIL_BACKEND)


def idempotency_key(key, attempt):
    """One key per attempt, the same each time that attempt runs: a retry after a refusal is a new request."""
    return str(uuid.uuid5(key if isinstance(key, uuid.UUID) else uuid.UUID(str(key)), str(attempt)))


def forget_older_than(cutoff):
    """Delete the records of emails queued before `cutoff` (their tasks are pruned by then too)."""
    return EmailSend.objects.filter(started_at__lt=cutoff).delete()[0]
