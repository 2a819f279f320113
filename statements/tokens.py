"""Signed links for confirming and withdrawing a signature.

Nothing secret is stored: a link carries the signature's id and a digest of
its email address, signed with SECRET_KEY and a per-purpose salt. A link for
a signature that was withdrawn (and whose id is later reused) or whose email
changed no longer matches, and a confirmation link expires.
"""

import hashlib

from django.core import signing

from core.queries import by_pk

from .models.signature import Signature

CONFIRM = "statements.confirm"
WITHDRAW = "statements.withdraw"
CONFIRM_MAX_AGE = 60 * 60 * 24 * 30  # a month to click the link


class BadToken(Exception):
    """The link was altered, has expired, or its signature is gone."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def _digest(signature):
    return hashlib.sha256(f"{signature.pk}:{signature.email_normalised}".encode()).hexdigest()[:16]


def make_token(signature, purpose):
    return signing.dumps([signature.pk, _digest(signature)], salt=purpose, compress=False)


def read_token(token, purpose, page):
    """Return the signature on `page` that `token` was made for, or raise BadToken."""
    max_age = CONFIRM_MAX_AGE if purpose == CONFIRM else None
    try:
        pk, digest = signing.loads(token, salt=purpose, max_age=max_age)
    except signing.SignatureExpired as error:
        raise BadToken(expired=True) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadToken() from error
    if not isinstance(pk, int):
        raise BadToken()
    signature = by_pk(Signature.objects.filter(page_id=page.pk), pk)
    if signature is None or _digest(signature) != digest:
        raise BadToken()
    signature.page = page  # the caller's copy: what follows (its title, its URL) costs no second query
    return signature
