"""One reminder to a signer who has not confirmed: "your signature isn't counted yet", 24 to 48 hours after signing.

Many who sign never press the emailed button: the email went to spam, or the tab was closed before it
came. One more email wins some of them back; more than one would be nagging. So each signature gets at
most one (`Signature.reminded_at`, set in the transaction that queues it: a second run, or two workers
at once, send nothing more), and only

- when its confirmation email went out and it is still waiting (never a held signature: statements.screening
  sent it no email, and an organiser decides on it), on a live statement still open for signing;
- from REMIND_AFTER to TOO_LATE after signing: a day later, while it is still fresh; a run that missed
  the window (a scheduler down for a day) sends nothing late;
- to an address no provider has reported bounced or marked as spam (core.subscriptions.tracking);
- and within the signature's email cap (signing.RESEND_INTERVAL): one that was sent its confirmation
  again a moment ago waits for the next run.

A withdrawn signature is deleted, and a record that is gone gets no email (core.emails). The job reads
the due signatures CHUNK at a time in the order of their time of signing, so a surge of 100,000
unconfirmed costs the memory of one chunk; each email is a task that carries the signature's id.
"""

import logging
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.emails import queue_email
from core.subscriptions.models import Subscriber

from .models.signature import Signature
from .signing import RESEND_INTERVAL, resend_key, statement_url

logger = logging.getLogger(__name__)

TEMPLATE = "statements/reminder"
REMIND_AFTER = timedelta(hours=24)
TOO_LATE = timedelta(hours=48)
CHUNK = 500
# Addresses the provider said never to write to again.
STOPPED = (Subscriber.Status.BOUNCED, Subscriber.Status.COMPLAINED)


def due(now):
    """Signatures a reminder may go to at `now`: every rule but the email cap, which is the cache's."""
    return (
        Signature.objects.awaiting_confirmation()
        .filter(reminded_at__isnull=True, created_at__gt=now - TOO_LATE, created_at__lte=now - REMIND_AFTER)
        .exclude(email_normalised="")
        .filter(page__live=True)
        .filter(Q(page__closes_at__isnull=True) | Q(page__closes_at__gt=now))
        .exclude(email_normalised__in=Subscriber.objects.filter(status__in=STOPPED).values("email"))
    )


def remind_unconfirmed(now=None):
    """Queue the reminder to every signature due at `now`, CHUNK at a time; returns how many were queued."""
    now = now or timezone.now()
    queued = 0
    after = None  # (created_at, pk) of the last signature looked at: the next chunk starts past it
    while True:
        chunk = due(now)
        if after is not None:
            chunk = chunk.filter(Q(created_at__gt=after[0]) | Q(created_at=after[0], pk__gt=after[1]))
        rows = list(chunk.order_by("created_at", "pk").values_list("created_at", "pk")[:CHUNK])
        if not rows:
            break
        after = rows[-1]
        queued += remind([pk for _, pk in rows], now)
    if queued:
        logger.info("reminders to confirm queued", extra={"signatures": queued})
    return queued


def remind(ids, now):
    """Claim those of `ids` still due and queue their reminders, in one transaction; returns how many.

    Rows another run holds are skipped (it reminds them); a signature confirmed, withdrawn or held
    since it was read is no longer due and is left alone.
    """
    with transaction.atomic():
        claimed = list(
            due(now)
            .filter(pk__in=ids)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("page")
            .order_by("pk")
        )
        # The email cap: no second email within RESEND_INTERVAL of the last (signing.repeat counts this one too).
        claimed = [s for s in claimed if cache.add(resend_key(s), now.timestamp(), RESEND_INTERVAL)]
        Signature.objects.filter(pk__in=[signature.pk for signature in claimed]).update(reminded_at=now)
        urls = {}
        for signature in claimed:
            if signature.page_id not in urls:
                urls[signature.page_id] = statement_url(signature.page)
            queue_email(TEMPLATE, signature, statement_url=urls[signature.page_id])
    return len(claimed)
