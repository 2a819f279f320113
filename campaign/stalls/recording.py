"""Taking one signature at a stall: once per id the device made, counted at once (or held past the ceiling)."""

import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from core.emails import queue_email
from core.subscriptions.consent import form_name, record_unconfirmed
from core.subscriptions.wording import CURRENT
from statements.in_person import record_in_person
from statements.models import Signature
from statements.signing import statement_url

from .ceiling import alert_organisers_once
from .models import InPersonSignature

logger = logging.getLogger(__name__)

THANK_YOU = "stalls/thank_you"


@dataclass(frozen=True)
class Taken:
    """What a signing at the stall did: `counted` a new signature; `held` one past the ceiling; `repeat` an id seen."""

    counted: bool = False
    held: bool = False
    repeat: bool = False


def take(stall, data, request=None, device=None, ceiling=None):
    """Record `data` (a valid StallSignForm's cleaned data) at `stall`, in one transaction.

    The entry row claims the device's id first: a second arrival of the same
    id (a retry, or the same request twice at once, which waits on the
    unique index) finds it taken and changes nothing. Past the `ceiling`
    (ceiling.Ceiling) the signature is saved held: not counted, no email.
    """
    client_id = data.get("entry")
    with transaction.atomic():
        try:
            with transaction.atomic():
                entry = InPersonSignature.objects.create(
                    event_id=stall.event_id, stall=stall, device=device, client_id=client_id
                )
        except IntegrityError:
            return Taken(repeat=True)
        held = ceiling is not None and not ceiling.admits_one_more()
        signature = record_in_person(
            stall.statement,
            name=data["name"],
            email=data.get("email", ""),
            town=data.get("town", ""),
            show_publicly=data.get("show_publicly", False),
            keep_informed=data.get("keep_informed", False),
            held_because=Signature.HeldBecause.STALL if held else "",
            referral_code=stall.source_code,
        )
        if signature is not None:
            entry.signature = signature
            entry.save(update_fields=["signature"])
            if held:
                alert_organisers_once(stall)
            else:
                welcome(signature, stall, request)
    logger.info("stall signature", extra={"stall": stall.pk, "counted": signature is not None, "held": held})
    return Taken(counted=signature is not None and not held, held=signature is not None and held)


def welcome(signature, stall, request=None):
    """The thank-you (with its withdraw link) and, if asked for, the request to confirm updates.

    Sent when the signature counts: at once, or when an organiser releases it.
    The consent names the event, never the stall's code: its words reach the signer.
    """
    if not signature.email:
        return
    url = statement_url(stall.statement, request)
    queue_email(THANK_YOU, signature, statement_url=url)
    if signature.keep_informed:
        # Typed on a shared device: the address is not proven, so updates wait for its owner's yes.
        form = form_name(_("the stall at %(event)s"), signature.language, event=stall.event.title)
        record_unconfirmed(signature.email, form, CURRENT, base_url=url, source=signature)


def tag_with_event(event):
    """For the paper import: each imported signature is recorded as taken in person at `event`."""

    def tag(signature):
        InPersonSignature.objects.create(signature=signature, event=event)

    return tag
