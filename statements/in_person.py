"""Signatures taken in person (at a stall, on a paper sheet): they count at once.

The signer confirmed by signing in front of an organiser, as on a paper
sheet (imports.py), so the row is saved confirmed and the model's save hook
adds it to the counts in the same transaction. An address that has already
signed gets no second row: `record_in_person` answers None and the caller
thanks the person all the same. No confirmation email: the caller may queue
a thank-you with the withdraw link instead.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models.signature import Signature, normalise_email


def record_in_person(
    page,
    *,
    name,
    email="",
    town="",
    organisation="",
    show_publicly=False,
    keep_informed=False,
    held_because="",
    referral_code="",
):
    """Save a confirmed (counted) person's signature on `page`; None if the address had already signed.

    With `held_because` it is saved unconfirmed and held for an organiser instead (statements.review).

    Runs in the caller's transaction when there is one, inside a savepoint,
    so a clash with the address's earlier signature undoes only this row.
    """
    page = page.counted_page  # on a translation, the original's signature (one statement in every language)
    if email and page.signatures.filter(email_normalised=normalise_email(email)).exists():
        return None
    signature = Signature(
        page=page,
        kind=Signature.Kind.PERSON,
        name=" ".join(name.split()),
        organisation=organisation,
        email=email,
        town=town,
        show_publicly=show_publicly,
        keep_informed=keep_informed and bool(email),
        source=Signature.Source.IN_PERSON,
        confirmed_at=None if held_because else timezone.now(),
        held_because=held_because,
        referral_code=referral_code,  # the stall's own source code, for the sources' dashboard
    )
    try:
        with transaction.atomic():
            signature.save()
    except IntegrityError:  # the same address signed on the website a moment ago
        return None
    return signature
