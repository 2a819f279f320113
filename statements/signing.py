"""What happens to a signature: recorded, confirmed, withdrawn; and the emails about it.

Counts change only here and in the model's own save/delete hooks, always in
the same transaction as the signature, so they stay exact.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.emails import queue_email
from core.page_cache import UntilNextPublish

from .models.counter import SignatureCount
from .models.signature import Signature, normalise_email

logger = logging.getLogger(__name__)

# At most one repeat email per signature in this many seconds, so knowing
# someone's address is no way to flood their inbox.
RESEND_INTERVAL = 10 * 60


def resend_key(signature):
    return f"statements:emailed:{signature.pk}"


@dataclass(frozen=True)
class Signed:
    """What a signing did: the signature, whether an email went to its address, and when another may."""

    signature: Signature
    emailed: bool = True
    next_email_at: datetime | None = None


_paths = UntilNextPublish()


def statement_path(page, request):
    """page.get_url(request), remembered until the next publish: Wagtail works it out anew each time."""
    paths = _paths.current()
    key = (request.get_host(), page.pk)
    path = paths.get(key)
    if path is None:
        path = paths[key] = page.get_url(request)
    return path


def statement_url(page, request=None):
    """The statement's absolute address: as the visitor reached it, else the site's own."""
    if request is not None:
        return request.build_absolute_uri(statement_path(page, request))
    return page.get_full_url()


def queue_signature_email(template, signature, request=None):
    """Queue `template` about `signature`: the task carries its id and the statement's address, nothing personal."""
    queue_email(template, signature, statement_url=statement_url(signature.page, request))


def record(page, form, request=None, retry=True):
    """Save a new signature from a valid form and queue its confirmation email, in one transaction.

    A second signing with the same address never makes a second row (the
    unique constraint refuses it): see `repeat`. The insert is tried first
    because new addresses are the common case in a surge. Returns a `Signed`.
    """
    signature = form.save(commit=False)
    signature.page = page
    signature.source = Signature.Source.WEB
    try:
        with transaction.atomic():
            signature.save()
            queue_signature_email("statements/confirm", signature, request)
    except IntegrityError:
        existing = page.signatures.filter(email_normalised=normalise_email(signature.email)).first()
        if existing is None and retry:  # withdrawn in between: sign again
            return record(page, form, request, retry=False)
        if existing is None:
            raise
        return repeat(page, existing, request)
    logger.info("signature recorded", extra={"page": page.pk, "kind": signature.kind})
    return Signed(signature)


def repeat(page, signature, request=None):
    """The address has signed before: re-send its confirmation (or say it has signed) to it only.

    At most one email goes out per RESEND_INTERVAL (the first one went when
    the signature was made). When none goes, "check your inbox" says so and
    when to ask again, rather than claim an email it did not send: that tells
    whoever typed the address that it was used within the last few minutes,
    and nothing about whether it was confirmed.
    """
    signature.page = page
    now = timezone.now()
    if signature.created_at > now - timedelta(seconds=RESEND_INTERVAL):
        last_emailed = signature.created_at
    elif cache.add(resend_key(signature), now.timestamp(), RESEND_INTERVAL):
        last_emailed = None
        template = "statements/already_signed" if signature.is_confirmed else "statements/confirm"
        queue_signature_email(template, signature, request)
    else:
        stamp = cache.get(resend_key(signature))
        last_emailed = datetime.fromtimestamp(stamp, tz=now.tzinfo) if isinstance(stamp, float) else now
    logger.info("signature repeated", extra={"page": page.pk, "confirmed": signature.is_confirmed})
    if last_emailed is None:
        return Signed(signature)
    return Signed(signature, emailed=False, next_email_at=last_emailed + timedelta(seconds=RESEND_INTERVAL))


def confirm(signature):
    """Confirm a signature; True the first time, False if it was already confirmed.

    The conditional UPDATE makes a double click or two browsers count once.
    """
    with transaction.atomic():
        updated = Signature.objects.filter(pk=signature.pk, confirmed_at__isnull=True).update(
            confirmed_at=timezone.now()
        )
        if updated:
            SignatureCount.add_each(signature.page_id, signature.keys_when_confirmed, 1)  # kind, region, union
    if updated:
        logger.info("signature confirmed", extra={"page": signature.page_id, "kind": signature.kind})
    return bool(updated)


def withdraw(signature):
    """Delete a signature and everything it held; the delete hook corrects the count."""
    with transaction.atomic():
        locked = Signature.objects.select_for_update().filter(pk=signature.pk).first()
        if locked is not None:
            locked.delete()
    logger.info("signature withdrawn", extra={"page": signature.page_id})
