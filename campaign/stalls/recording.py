"""Taking one signature at a stall: once per id the device made, counted at once, tagged with the event."""

import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from core.emails import queue_email
from core.subscriptions.consent import record_unconfirmed
from core.subscriptions.wording import CURRENT
from statements.in_person import record_in_person
from statements.signing import statement_url

from .models import InPersonSignature

logger = logging.getLogger(__name__)

THANK_YOU = "stalls/thank_you"


@dataclass(frozen=True)
class Taken:
    """What a signing at the stall did: `counted` a new signature; `repeat` an id already received."""

    counted: bool = False
    repeat: bool = False


def take(stall, data, request=None):
    """Record `data` (a valid StallSignForm's cleaned data) at `stall`, in one transaction.

    The entry row claims the device's id first: a second arrival of the same
    id (a retry, or the same request twice at once, which waits on the
    unique index) finds it taken and changes nothing.
    """
    client_id = data.get("entry")
    with transaction.atomic():
        try:
            with transaction.atomic():
                entry = InPersonSignature.objects.create(event_id=stall.event_id, stall=stall, client_id=client_id)
        except IntegrityError:
            return Taken(repeat=True)
        signature = record_in_person(
            stall.statement,
            name=data["name"],
            email=data.get("email", ""),
            town=data.get("town", ""),
            show_publicly=data.get("show_publicly", False),
            keep_informed=data.get("keep_informed", False),
        )
        if signature is not None:
            entry.signature = signature
            entry.save(update_fields=["signature"])
            if signature.email:
                url = statement_url(stall.statement, request)
                queue_email(THANK_YOU, signature, statement_url=url)
                if data.get("keep_informed"):
                    # Typed on a shared device: the address is not proven, so updates wait for its owner's yes.
                    # It names the event, never the stall's code: its words reach the signer.
                    form = f"the stall at {stall.event.title}"
                    record_unconfirmed(signature.email, form, CURRENT, base_url=url, source=signature)
    logger.info("stall signature", extra={"stall": stall.pk, "counted": signature is not None})
    return Taken(counted=signature is not None)


def tag_with_event(event):
    """For the paper import: each imported signature is recorded as taken in person at `event`."""

    def tag(signature):
        InPersonSignature.objects.create(signature=signature, event=event)

    return tag
