"""The record a consent was given with, and what withdrawing that record leaves of the person's updates.

Apps pass their record in (a signature, an RSVP); core stores its kind and
id, so it never imports the apps. Withdrawing the record removes the
consents given with it, and the subscription when no other consent keeps
it, unless the person chose to keep their updates.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from .models import Consent, Subscriber, normalise


def source_fields(record):
    """The consent's columns naming `record` (none for no record)."""
    if record is None:
        return {}
    return {"source_type": ContentType.objects.get_for_model(record), "source_id": record.pk}


def consents_from(record):
    return Consent.objects.filter(**source_fields(record)) if record is not None else Consent.objects.none()


def has_confirmed_consent(record):
    """Whether updates go to the address because of `record`: what the withdraw page asks about."""
    return consents_from(record).filter(confirmed_at__isnull=False).exists()


@dataclass(frozen=True)
class Kept:
    """What the person still has after a withdrawal, for the page to say exactly.

    `receiving`: updates still go to the address; `consents`: the confirmed
    consents that keep them going (the one they chose to keep among them);
    `chosen`: they chose to keep the withdrawn record's consent.
    """

    receiving: bool = False
    consents: list = field(default_factory=list)
    chosen: bool = False


def withdraw_from(record, keep=False):
    """Remove the consents given with `record`, or with `keep` keep them (no longer tied to it).

    True if a confirmed consent was kept. An address left with no consent
    at all is deleted; one left with no confirmed consent gets no more
    updates. Call it before the record is deleted, or from its delete signal.
    """
    with transaction.atomic():
        given = consents_from(record)
        subscriber_ids = set(given.values_list("subscriber_id", flat=True))
        if not subscriber_ids:
            return False
        chosen = keep and given.filter(confirmed_at__isnull=False).exists()
        if keep:
            given.update(source_type=None, source_id=None)
        else:
            given.delete()
        for subscriber in Subscriber.objects.select_for_update().filter(pk__in=subscriber_ids):
            settle(subscriber)
    return chosen


def settle(subscriber):
    """After consents were removed: delete an address with none left; stop one with none confirmed."""
    remaining = subscriber.consents.all()
    if not remaining.exists():
        subscriber.delete()
    elif subscriber.is_receiving and not remaining.filter(confirmed_at__isnull=False).exists():
        Subscriber.objects.filter(pk=subscriber.pk).update(status=Subscriber.Status.PENDING, stopped_at=None)


def kept_for(email, chosen=False):
    """What still sends `email` updates after a withdrawal (`chosen`: as withdraw_from returned)."""
    kept = list(
        Consent.objects.filter(
            subscriber__email=normalise(email),
            subscriber__status=Subscriber.Status.SUBSCRIBED,
            confirmed_at__isnull=False,
        )
    )
    return Kept(receiving=bool(kept), consents=kept, chosen=chosen and bool(kept))
