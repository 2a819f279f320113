"""Giving, proving and stopping consent to updates; the reusable checkbox that asks for it."""

import logging
from datetime import timedelta

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from core.emails import queue_acknowledgement

from .emails import TEMPLATE
from .models import Consent, Subscriber, normalise
from .sources import source_fields
from .tokens import CONSENT_MAX_AGE
from .wording import current_question, shown_language

logger = logging.getLogger(__name__)


def updates_field():
    """The question, unticked, in the current words: any form that offers updates adds this field.

    Its form records `CURRENT` beside the answer (the version the person saw); the label is lazy, so each
    page shows the words in its own language (the consent records which, `language_shown`).
    """
    return forms.BooleanField(label=current_question(), required=False, initial=False)


def language_shown(version, language=None, source=None):
    """The language the person read `version` in: `language` if given, else that of the record they gave it
    with (a signature keeps the language it was made in), else the active one."""
    return shown_language(version, language or getattr(source, "language", "") or None)


def form_name(words, language, **values):
    """The name of the form a consent was given on, kept as the person read it: `words` in their `language`.

    The name is stored as text and shown back on their "your data" page, so it is written out in the language
    of the page they used (a Welsh signer's, whenever the consent is recorded), not the one of the request
    recording it; an empty language is the site's default, as on the records that keep one. `words` is lazy
    (gettext_lazy) with %(name)s placeholders filled from `values`.
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        return str(words) % values


def record_confirmed(email, form, version, given_at=None, source=None, language=None):
    """A consent whose address is proven: the address receives updates from now on.

    For forms whose own flow proves the address (a signature's confirmation).
    A new consent row each time, so the history shows every "yes". `source`
    is the app's record it came with (sources.withdraw_from removes it with that record); `language` the one
    the words were shown in (language_shown).
    """
    now = timezone.now()
    # No savepoint of its own (two round trips fewer in a signature's confirmation, which calls this in its
    # transaction): nothing here is caught and retried, so an error undoes the caller's whole transaction.
    with transaction.atomic(savepoint=False):
        subscriber = subscribed(email)
        Consent.objects.create(
            subscriber=subscriber,
            given_at=given_at or now,
            confirmed_at=now,
            form=form[:200],
            wording_version=version,
            wording_language=language_shown(version, language, source),
            **source_fields(source),
        )
    logger.info("consent to updates recorded", extra={"form": form[:60]})
    return subscriber


def record_unconfirmed(email, form, version, base_url, source=None, language=None):
    """A consent from a form that does not prove the address: it waits for the emailed link's button.

    The email asking to confirm goes to an address at most once per
    ACKNOWLEDGEMENT_INTERVAL (core.emails): a form is no way to flood an inbox.
    `base_url` is any absolute address on the site, for the link; `source` and `language` as for `record_confirmed`.
    """
    with transaction.atomic():
        subscriber = subscriber_for(email)
        consent = Consent.objects.create(
            subscriber=subscriber,
            form=form[:200],
            wording_version=version,
            wording_language=language_shown(version, language, source),
            **source_fields(source),
        )
        queue_acknowledgement(TEMPLATE, consent, subscriber.email, base_url=base_url)
    return consent


def confirm(consent):
    """The emailed link's button was pressed: the consent stands and the address receives updates."""
    now = timezone.now()
    with transaction.atomic():
        Consent.objects.filter(pk=consent.pk, confirmed_at__isnull=True).update(confirmed_at=now)
        start(Subscriber.objects.select_for_update().get(pk=consent.subscriber_id), now)


def subscriber_for(email):
    """The address's row, made (waiting) if missing; safe when two requests make it at once."""
    subscriber, _ = Subscriber.objects.get_or_create(email=normalise(email))
    return subscriber


def subscribed(email):
    """The address's row, receiving updates: made so, or set back to it, in one statement (an upsert).

    Safe when two requests make it at once (the database settles the
    conflict). The row's own creation time is kept; the object returned
    knows its id and status, not that time.
    """
    subscriber = Subscriber(email=normalise(email), status=Subscriber.Status.SUBSCRIBED, stopped_at=None)
    Subscriber.objects.bulk_create(
        [subscriber], update_conflicts=True, unique_fields=["email"], update_fields=["status", "stopped_at"]
    )
    return subscriber


def start(subscriber, now):
    if subscriber.status != Subscriber.Status.SUBSCRIBED:
        Subscriber.objects.filter(pk=subscriber.pk).update(status=Subscriber.Status.SUBSCRIBED, stopped_at=None)
        subscriber.status, subscriber.stopped_at = Subscriber.Status.SUBSCRIBED, None


def stop(email, status=Subscriber.Status.UNSUBSCRIBED):
    """No more updates to `email` (unsubscribed, bounced or complained); True if it was receiving them.

    An address that is not on the list is left off it: a bounce report about
    someone who never subscribed makes no row.
    """
    updated = (
        Subscriber.objects.filter(email=normalise(email))
        .exclude(status__in=[status, Subscriber.Status.PENDING])
        .update(status=status, stopped_at=timezone.now())
    )
    if updated:
        logger.info("updates stopped", extra={"reason": status})
    return bool(updated)


def forget(email):
    """Delete the address's row and all its consents (withdrawing entirely)."""
    Subscriber.objects.filter(email=normalise(email)).delete()


def forget_unconfirmed():
    """Delete consents never confirmed once their link has expired, then addresses waiting with no consent left.

    Someone typed the address into a form and its owner never said yes: the
    site keeps nothing of it (data minimisation, as for unconfirmed signatures).
    """
    cutoff = timezone.now() - timedelta(seconds=CONSENT_MAX_AGE)
    Consent.objects.filter(confirmed_at__isnull=True, given_at__lt=cutoff).delete()
    Subscriber.objects.filter(status=Subscriber.Status.PENDING, consents__isnull=True).delete()
