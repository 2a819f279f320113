"""What happens to a signature: recorded, confirmed, withdrawn; and the emails about it.

Counts change only here and in the model's own save/delete hooks, always in
the same transaction as the signature, so they stay exact.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urljoin, urlsplit

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.urls import get_script_prefix, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.emails import queue_email
from core.languages import active_language, language_of_path, without_language_prefix
from core.publish_clock import KeptUntilNextPublish
from core.queries import get_or_none
from core.site_urls import site_url
from core.subscriptions import consent, sources, wording

from . import screening
from .models.counter import SignatureCount
from .models.signature import Signature, count_moves, normalise_email

logger = logging.getLogger(__name__)

# At most one repeat email per signature in this many seconds, so knowing
# someone's address is no way to flood their inbox.
RESEND_INTERVAL = 10 * 60


def resend_key(signature):
    return f"statements:emailed:{signature.pk}"


@dataclass(frozen=True)
class SigningOutcome:
    """What a signing did: the signature, whether an email went to its address, and when another may.

    `new`: the signature was made by this signing (not an address that had signed already), so the
    signer may correct its address (`correct_address`).
    """

    signature: Signature
    emailed: bool = True
    next_email_at: datetime | None = None
    new: bool = False


_paths = KeptUntilNextPublish()

# Signing and confirming are plain URLs beside the page (statements/urls.py); the rest are the page's routes.
PLAIN_URL_NAMES = {"sign": "statement_sign", "confirm": "statement_confirm"}


def sub_address(page, page_url, name, request=None):
    """The address of the statement's sub-page `name`, beside the page's address `page_url` (a path or a whole URL).

    The one way they are made: the forms' actions, the emailed links and the
    redirects. "sign" and "confirm" are the plain URLs' names reversed for
    the page's path in its site, in the page's language (its prefix, /cy/, comes from reversing in it);
    the others, the page's routes (its @path names).
    """
    if name not in PLAIN_URL_NAMES:
        return page_url + page.reverse_subpage(name)
    parts = page.get_url_parts(request)
    page_path = parts[2] if parts else urlsplit(page_url).path
    with translation.override(language_of_path(page_path)):
        path_in_language = without_language_prefix(page_path).removeprefix(get_script_prefix()).strip("/")
        plain = reverse(PLAIN_URL_NAMES[name], kwargs={"path": path_in_language})
    return urljoin(page_url, plain)


def statement_path(page, request, subpage=""):
    """page.get_url(request), or its sub-address `subpage` names (sub_address); remembered until the next publish.

    Wagtail works both out anew each time (the page's route, then reversing
    the URL pattern), and signing and confirming redirect to them.
    """
    paths = _paths.current()
    key = (request.get_host(), page.pk, subpage)
    path = paths.get(key)
    if path is None:
        path = page.get_url(request)
        if path is not None and subpage:
            path = sub_address(page, path, subpage, request)
        paths[key] = path
    return path


def statement_url(page, request=None):
    """The statement's whole address on the request's Wagtail Site, for emails and share links.

    Never the Host, port or scheme the request claims (core.site_urls); remembered like
    statement_path, so signing looks no Site up.
    """
    if request is None:
        return page.get_full_url()
    paths = _paths.current()
    key = (request.get_host(), page.pk, None)  # None: the whole address, beside the paths' subpage names
    url = paths.get(key)
    if url is None:
        path = statement_path(page, request)
        url = paths[key] = site_url(request, path) if path is not None else page.get_full_url(request)
    return url


def queue_signature_email(template, signature, request=None, page=None):
    """Queue `template` about `signature`: the task carries its id and the statement's address, nothing personal.

    The address is `page`'s, the version of the statement the person signed (in their language), else the
    signature's; with a request, the email is in the language of the version they are reading, so its words
    and its links agree.
    """
    language = translation.get_language() if request is not None else None
    queue_email(template, signature, language=language, statement_url=statement_url(page or signature.page, request))


def record(page, form, request=None, retry=True, assessment=None):
    """Save a new signature from a valid form and queue its confirmation email, in one transaction.

    A second signing with the same address never makes a second row (the
    unique constraint refuses it): see `repeat`. The insert is tried first
    because new addresses are the common case in a surge. A signature that
    statements.screening holds back is saved with no email, and the visitor is
    told just what anyone else is. Returns a `SigningOutcome`.
    """
    signature = form.save(commit=False)
    return record_signature(page, signature, request, retry=retry, assessment=assessment)


def record_signature(page, signature, request=None, retry=True, assessment=None):
    """`record` for an unsaved Signature (from the form, or a corrected address).

    Signed on a translation, it is the original's signature (StatementPage.counted_page), in the translation's
    language: its emails come in that language, with links to that version.
    """
    signature.page = page.counted_page
    signature.language = active_language()
    signature.source = Signature.Source.WEB
    assessment = assessment or screening.assess(request, signature.email)
    signature.network = assessment.network
    signature.held_because = assessment.held_because
    try:
        with transaction.atomic():
            signature.save()
            if not signature.is_held:
                queue_signature_email("statements/confirm", signature, request, page)
            screening.alert_organisers(signature, assessment)
    except IntegrityError:
        existing = page.counted_page.signatures.filter(email_normalised=normalise_email(signature.email)).first()
        if existing is None and retry:  # withdrawn in between: sign again
            signature.pk = None
            return record_signature(page, signature, request, retry=False, assessment=assessment)
        if existing is None:
            raise
        return repeat(page, existing, request)
    logger.info("signature recorded", extra={"page": page.pk, "kind": signature.kind, "held": signature.is_held})
    return SigningOutcome(signature, new=True)


# What a corrected address starts again without: what belonged to the address typed wrongly.
NOT_CARRIED_OVER = {
    "id",
    "email",
    "email_normalised",
    "created_at",
    "confirmed_at",
    "reminded_at",
    "held_because",
    "network",
}


def correct_address(page, signature, email, request=None, assessment=None):
    """Replace an unconfirmed signature's mistyped address; returns a `SigningOutcome`, or None when it may not be.

    The old row goes and a new one is recorded with the right address (and
    emailed), in one transaction: an unconfirmed signature counts nowhere, so
    nothing is counted twice, and the link sent to the wrong address then
    names nothing. An address that has signed already is a repeat. Only from
    the network that signed (Signature.network): someone who typed another's
    address cannot remove that person's signature.
    """
    assessment = assessment or screening.assess(request, email)
    with transaction.atomic():
        locked = get_or_none(Signature.objects.select_for_update(), signature.pk)
        if locked is None or locked.is_confirmed or not locked.network or locked.network != assessment.network:
            return None
        fields = {
            field.attname: getattr(locked, field.attname)
            for field in Signature._meta.concrete_fields
            if field.attname not in NOT_CARRIED_OVER
        }
        locked.delete()
        signed = record_signature(page, Signature(**fields, email=email), request, assessment=assessment)
    logger.info("signature address corrected", extra={"page": page.pk, "new": signed.new})
    return signed


def add_union(signature, union, union_other):
    """A person's union, given on the thank-you page: saved, and its confirmed count moved with it.

    Locked, so two presses move a count once. Not through Signature.save, which would
    empty every cached page for one signer's union (a new signature never does).
    Returns False for a signature gone, or an organisation's (its union is its type's).
    """
    with transaction.atomic():
        locked = get_or_none(Signature.objects.select_for_update(), signature.pk)
        if locked is None or locked.kind != Signature.Kind.PERSON:
            return False
        was = locked.count_keys
        locked.union, locked.union_other = union, union_other
        Signature.objects.filter(pk=locked.pk).update(union=union, union_other=union_other)
        SignatureCount.change(count_moves(locked.page_id, was, locked.count_keys))
    return True


def repeat(page, signature, request=None):
    """The address has signed before: re-send its confirmation (or say it has signed) to it only.

    At most one email goes out per RESEND_INTERVAL (the first one went when
    the signature was made). When none goes, "check your inbox" says so and
    when to ask again, rather than claim an email it did not send: that tells
    whoever typed the address that it was used within the last few minutes,
    and nothing about whether it was confirmed.

    A held signature (statements.screening) gets no email, but the page answers
    exactly as it would otherwise, so signing twice tells no one it was held.
    """
    signature.page = page.counted_page
    now = timezone.now()
    if signature.created_at > now - timedelta(seconds=RESEND_INTERVAL):
        last_emailed = signature.created_at
    elif cache.add(resend_key(signature), now.timestamp(), RESEND_INTERVAL):
        last_emailed = None
        template = "statements/already_signed" if signature.is_confirmed else "statements/confirm"
        if not signature.is_held:
            queue_signature_email(template, signature, request, page)
    else:
        stamp = cache.get(resend_key(signature))
        last_emailed = datetime.fromtimestamp(stamp, tz=now.tzinfo) if isinstance(stamp, float) else now
    logger.info(
        "signature repeated", extra={"page": page.pk, "confirmed": signature.is_confirmed, "held": signature.is_held}
    )
    if last_emailed is None:
        return SigningOutcome(signature)
    return SigningOutcome(signature, emailed=False, next_email_at=last_emailed + timedelta(seconds=RESEND_INTERVAL))


def confirm(signature):
    """Confirm a signature; True the first time, False if it was already confirmed.

    The conditional UPDATE makes a double click or two browsers count once,
    and a held signature (which no email went to) never counts before an
    organiser releases it.
    """
    with transaction.atomic():
        updated = Signature.objects.filter(pk=signature.pk, confirmed_at__isnull=True, held_because="").update(
            confirmed_at=timezone.now()
        )
        if updated:
            SignatureCount.change(count_moves(signature.page_id, now=signature.keys_when_confirmed))
            if signature.keep_informed:
                record_consent(signature)
    if updated:
        logger.info("signature confirmed", extra={"page": signature.page_id, "kind": signature.kind})
    return bool(updated)


def record_consent(signature):
    """The signer's "send me updates", recorded now the address is proven theirs.

    Only a confirmed signature's tick counts: anyone can type anyone's
    address into the form, and updates must go only to people who asked for
    them themselves. When they ticked it is the signature's time.
    """
    consent.record_confirmed(
        signature.email,
        form=consent.form_name(_("the signing form of “%(title)s”"), signature.language, title=signature.page.title),
        version=signature.keep_informed_wording or wording.CURRENT,
        given_at=signature.created_at,
        source=signature,
    )


def withdraw(signature, keep_updates=False):
    """Delete a signature and everything that came from it; returns what still sends the address updates.

    Its consent to updates goes too unless the signer chose to keep their
    updates (the delete hooks correct the count and remove any consent left).
    """
    with transaction.atomic():
        locked = get_or_none(Signature.objects.select_for_update(), signature.pk)
        chosen = False
        if locked is not None:
            chosen = sources.withdraw_from(locked, keep=keep_updates)
            locked.delete()
    logger.info("signature withdrawn", extra={"page": signature.page_id, "kept_updates": chosen})
    return sources.kept_for(signature.email, chosen)
