"""The signed link in every RSVP email that lets the person cancel, without an account.

It carries the RSVP's id and a digest of its address, signed with SECRET_KEY
and its own salt; nothing secret is stored. It never expires (the event's
end makes it moot), and an altered link names nothing.
"""

import hashlib

from django.core import signing

from .models.rsvps import Rsvp

SALT = "campaign.events.rsvp-cancel"


class BadToken(Exception):
    """The link was altered, or the RSVP it named is gone."""


def _digest(rsvp):
    return hashlib.sha256(f"{rsvp.pk}:{rsvp.email}".encode()).hexdigest()[:16]


def cancel_token(rsvp):
    return signing.dumps([rsvp.pk, _digest(rsvp)], salt=SALT, compress=False)


def read_cancel_token(token):
    """The RSVP a cancel link names, or BadToken."""
    try:
        pk, digest = signing.loads(token or "", salt=SALT)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadToken() from error
    rsvp = Rsvp.objects.filter(pk=pk).select_related("event").first() if isinstance(pk, int) else None
    if rsvp is None or _digest(rsvp) != digest:
        raise BadToken()
    return rsvp
