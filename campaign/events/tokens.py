"""The signed links in RSVP emails: cancelling, and confirming where the event asks for it; no account needed.

A link carries the RSVP's id and a digest of its address, signed with
SECRET_KEY and a salt per purpose; nothing secret is stored. The cancel link
never expires (the event's end makes it moot); the confirm link expires after
CONFIRM_MAX_AGE, and an unconfirmed RSVP is deleted soon after
(rsvp_retention). An altered link names nothing.
"""

import hashlib

from django.core import signing

from .models.rsvps import Rsvp

SALT = "campaign.events.rsvp-cancel"
CONFIRM_SALT = "campaign.events.rsvp-confirm"
CONFIRM_MAX_AGE = 48 * 60 * 60  # two days to press the button


class BadToken(Exception):
    """The link was altered, has expired, or the RSVP it named is gone."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def _digest(rsvp):
    return hashlib.sha256(f"{rsvp.pk}:{rsvp.email}".encode()).hexdigest()[:16]


def _token(rsvp, salt):
    return signing.dumps([rsvp.pk, _digest(rsvp)], salt=salt, compress=False)


def _read(token, salt, max_age=None):
    try:
        pk, digest = signing.loads(token or "", salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise BadToken(expired=True) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadToken() from error
    rsvp = Rsvp.objects.filter(pk=pk).select_related("event").first() if isinstance(pk, int) else None
    if rsvp is None or _digest(rsvp) != digest:
        raise BadToken()
    return rsvp


def cancel_token(rsvp):
    return _token(rsvp, SALT)


def read_cancel_token(token):
    """The RSVP a cancel link names, or BadToken."""
    return _read(token, SALT)


def confirm_token(rsvp):
    return _token(rsvp, CONFIRM_SALT)


def read_confirm_token(token):
    """The RSVP a confirm link names, or BadToken (with `expired` set once CONFIRM_MAX_AGE has passed)."""
    return _read(token, CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
