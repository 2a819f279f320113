"""Signed links: the one way an app makes and reads a link that does one thing for one record.

A link carries the record's id and a short digest of what it is bound to (an
address, a meeting date), signed with SECRET_KEY and a salt naming its purpose
(django.core.signing): nothing secret is stored, a confirm link is no withdraw
link, and once the record changes (or is deleted and its id reused) the old
link names nothing. An app declares each kind of link with SignedLink.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core import signing

from core.queries import get_or_none


class BadToken(Exception):
    """The link was altered, cut short, has expired, or what it named is gone or has changed."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def sign(value, purpose):
    """`value` (anything JSON can hold) signed for `purpose` alone, with the time it was signed."""
    return signing.dumps(value, salt=purpose)


def unsign(token, purpose, max_age=None):
    """The value `token` was signed with for `purpose`, or BadToken (`expired` set when only its age is wrong)."""
    try:
        return signing.loads(token or "", salt=purpose, max_age=max_age)
    except signing.SignatureExpired as error:
        raise BadToken(expired=True) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadToken() from error


def _digest(pk, bound_values):
    return hashlib.sha256(":".join([str(pk), *bound_values]).encode()).hexdigest()[:16]


@dataclass
class SignedLink:
    """One kind of link: its purpose (the salt), the records it names, what it is bound to, how long it lasts.

    `bound_to(record)` gives the strings the link depends on: when any changes, the link stops working.
    `max_age` is in seconds; None means the link never expires.
    """

    purpose: str
    records: Any  # a manager or queryset: where read() looks the id up
    bound_to: Callable[[Any], list]
    max_age: int | None = None

    def make(self, record):
        """The token for `record` (it need not be saved: its id and the bound values are all that is read)."""
        return sign([record.pk, _digest(record.pk, self.bound_to(record))], self.purpose)

    def read(self, token, within=None):
        """The record `token` was made for (looked up in `within`, else `records`), or BadToken."""
        payload = unsign(token, self.purpose, max_age=self.max_age)
        if not (isinstance(payload, list) and len(payload) == 2 and isinstance(payload[0], int)):
            raise BadToken()
        pk, digest = payload
        record = get_or_none(self.records if within is None else within, pk)
        if record is None or _digest(record.pk, self.bound_to(record)) != digest:
            raise BadToken()
        return record
