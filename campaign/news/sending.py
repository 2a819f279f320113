"""The worker's side of an email update: write the delivery rows, then send in paced batches.

Each recipient gets an update at most once, however often a batch is
retried and however many workers run: see models/sends.py for the claim.
The pace (settings.UPDATE_BATCH_SIZE messages every
3600 * UPDATE_BATCH_SIZE / UPDATE_EMAILS_PER_HOUR seconds) keeps within a
provider's hourly limit. On the immediate task backend (development, tests)
the batches follow one another at once, in the same call.
Each subscriber gets the update in their language (`languages`): the batch is
grouped by language, each group's words are made once.
"""

import logging
import uuid
from datetime import timedelta

from anymail.exceptions import AnymailError
from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django_tasks import task

from core.queries import get_or_none

from . import audience, languages, update_email
from .models import UpdateDelivery, UpdateSend
from .models.sends import ACTIVE

logger = logging.getLogger(__name__)

INSERT_CHUNK = 2000
# A claim this old whose worker never reported back is counted failed, never sent again.
STALE_CLAIM = timedelta(hours=1)
UNDELIVERED = {"rejected", "invalid", "failed"}  # anymail's per-recipient statuses that mean "not sent"


def pause_seconds():
    return 3600 * settings.UPDATE_BATCH_SIZE / max(1, settings.UPDATE_EMAILS_PER_HOUR)


def start(page, revision, chosen_audience, user):
    """Make the send (refused by the database while another send of this update is active) and queue it."""
    with transaction.atomic():
        send = UpdateSend.objects.create(
            page=page,
            revision=revision,
            audience=chosen_audience,
            created_by=user,
            total=audience.recipients(chosen_audience).count(),
        )
        transaction.on_commit(lambda: send_update.enqueue(send.pk))
    return send


def prepare(send):
    """Write one pending row per recipient, in chunks, so memory stays flat however long the list.

    Subscribers who already received this update (from an earlier, cancelled
    send) are left out; a repeat of this step (a retried task) adds nothing,
    as the rows are unique per (send, subscriber).
    """
    already = UpdateDelivery.objects.filter(send__page_id=send.page_id, status=UpdateDelivery.Status.SENT)
    ids = (
        audience.recipients(send.audience)
        .exclude(pk__in=already.values("subscriber_id"))
        .order_by("pk")
        .values_list("pk", flat=True)
        .iterator(chunk_size=INSERT_CHUNK)
    )
    chunk = []
    for subscriber_id in ids:
        chunk.append(UpdateDelivery(send_id=send.pk, subscriber_id=subscriber_id))
        if len(chunk) == INSERT_CHUNK:
            UpdateDelivery.objects.bulk_create(chunk, ignore_conflicts=True)
            chunk = []
    UpdateDelivery.objects.bulk_create(chunk, ignore_conflicts=True)
    total = send.deliveries.count()
    UpdateSend.objects.filter(pk=send.pk).update(prepared=True, total=total)
    send.prepared, send.total = True, total


def claim(send, size):
    """Take up to `size` pending rows for this worker alone: one atomic change of state, then read back."""
    token = uuid.uuid4()
    with transaction.atomic():
        ids = list(
            send.deliveries.filter(status=UpdateDelivery.Status.PENDING)
            .select_for_update(skip_locked=True)
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        UpdateDelivery.objects.filter(pk__in=ids, status=UpdateDelivery.Status.PENDING).update(
            status=UpdateDelivery.Status.CLAIMED, claim=token, claimed_at=timezone.now()
        )
    return list(UpdateDelivery.objects.filter(claim=token).select_related("subscriber"))


def send_batch(send_id):
    """Send one batch of `send_id`; True while more remain to send."""
    send = get_or_none(UpdateSend.objects.select_related("revision"), send_id)
    if send is None or send.status not in (UpdateSend.Status.QUEUED, UpdateSend.Status.SENDING):
        return False  # paused, cancelled, done or deleted: stop here
    if send.status == UpdateSend.Status.QUEUED:
        UpdateSend.objects.filter(pk=send.pk, status=UpdateSend.Status.QUEUED).update(status=UpdateSend.Status.SENDING)
    if not send.prepared:
        prepare(send)
    deliveries = claim(send, settings.UPDATE_BATCH_SIZE)
    if not deliveries:
        finish(send)
        return False
    page = send.revision.as_object() if send.revision else send.page.specific
    results = {UpdateDelivery.Status.SENT: [], UpdateDelivery.Status.FAILED: [], UpdateDelivery.Status.SKIPPED: []}
    with get_connection() as connection:
        for language, group in languages.by_language(deliveries).items():
            # Each language's words once a batch (one query for its translation), then its people's messages.
            with translation.override(language):
                shared = update_email.content(languages.version_in(page, language))
                for delivery in group:
                    results[deliver(connection, shared, delivery)].append(delivery.pk)
    record(send, results)
    logger.info("update batch sent", extra={"send": send.pk, **{k: len(v) for k, v in results.items()}})
    return True


def deliver(connection, shared, delivery):
    subscriber = delivery.subscriber
    if subscriber is None or not subscriber.is_receiving:
        return UpdateDelivery.Status.SKIPPED
    message = update_email.message(shared, subscriber.email)
    message.connection = connection
    try:
        message.send()
    except (AnymailError, OSError):
        logger.warning("update email failed", extra={"delivery": delivery.pk})
        return UpdateDelivery.Status.FAILED
    status = getattr(getattr(message, "anymail_status", None), "status", None) or set()
    return UpdateDelivery.Status.FAILED if status and status <= UNDELIVERED else UpdateDelivery.Status.SENT


def record(send, results):
    now = timezone.now()
    with transaction.atomic():
        for status, ids in results.items():
            if ids:
                UpdateDelivery.objects.filter(pk__in=ids).update(status=status, sent_at=now)
        UpdateSend.objects.filter(pk=send.pk).update(
            sent=F("sent") + len(results[UpdateDelivery.Status.SENT]),
            failed=F("failed") + len(results[UpdateDelivery.Status.FAILED]),
            skipped=F("skipped") + len(results[UpdateDelivery.Status.SKIPPED]),
        )


def finish(send):
    """Nothing is pending: count long-stale claims as failed; done once no batch is still out."""
    stale = send.deliveries.filter(
        status=UpdateDelivery.Status.CLAIMED, claimed_at__lt=timezone.now() - STALE_CLAIM
    ).update(status=UpdateDelivery.Status.FAILED)
    if stale:
        UpdateSend.objects.filter(pk=send.pk).update(failed=F("failed") + stale)
    if not send.deliveries.filter(status=UpdateDelivery.Status.CLAIMED).exists():
        UpdateSend.objects.filter(pk=send.pk, status=UpdateSend.Status.SENDING).update(
            status=UpdateSend.Status.DONE, finished_at=timezone.now()
        )


@task()
def send_update(send_id):
    """Send one batch, then queue the next after the pause (or, on the immediate backend, go on at once)."""
    backend = send_update.get_backend()
    while send_batch(send_id):
        if backend.supports_defer:
            send_update.using(run_after=timezone.now() + timedelta(seconds=pause_seconds())).enqueue(send_id)
            return


def pause(send):
    UpdateSend.objects.filter(pk=send.pk, status__in=[UpdateSend.Status.QUEUED, UpdateSend.Status.SENDING]).update(
        status=UpdateSend.Status.PAUSED
    )


def resume(send):
    if UpdateSend.objects.filter(pk=send.pk, status=UpdateSend.Status.PAUSED).update(status=UpdateSend.Status.SENDING):
        transaction.on_commit(lambda: send_update.enqueue(send.pk))


def cancel(send):
    """Stop for good: what is still waiting is never sent (a batch already out finishes)."""
    with transaction.atomic():
        if UpdateSend.objects.filter(pk=send.pk, status__in=ACTIVE).update(
            status=UpdateSend.Status.CANCELLED, finished_at=timezone.now()
        ):
            left = send.deliveries.filter(status=UpdateDelivery.Status.PENDING).update(
                status=UpdateDelivery.Status.SKIPPED
            )
            UpdateSend.objects.filter(pk=send.pk).update(skipped=F("skipped") + left, prepared=True)
