"""Signed links: the person's "your data" page (and its one-click unsubscribe), and confirming a consent.

Nothing secret is stored. The person's link carries their address, signed
with SECRET_KEY and its own salt, and never expires: an unsubscribe link in
an old email must still work (RFC 8058). It goes only to that address, and
the logs never keep query strings. A consent's link carries the consent's id
and a digest of its address, and expires after a month.
"""

import hashlib
from urllib.parse import urlencode, urljoin

from django.core import signing
from django.urls import reverse

from core.queries import by_pk

from .models import Consent, normalise

PERSON = "core.subscriptions.person"
CONSENT = "core.subscriptions.consent"
CONSENT_MAX_AGE = 60 * 60 * 24 * 30


class BadToken(Exception):
    """The link was altered, has expired, or what it named is gone."""


def person_token(email):
    return signing.dumps(normalise(email), salt=PERSON)


def read_person_token(token):
    """The address a person's link was made for, or BadToken."""
    try:
        email = signing.loads(token, salt=PERSON)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadToken() from error
    if not isinstance(email, str) or "@" not in email:
        raise BadToken()
    return email


def your_data_url(email, base_url):
    """The absolute address of the person's page, on the site `base_url` (any absolute address on it)."""
    return urljoin(base_url, reverse("your_data")) + "?" + urlencode({"token": person_token(email)})


def unsubscribe_url(email, base_url):
    """The one-click unsubscribe address (List-Unsubscribe), which also answers a person's GET with a button."""
    return urljoin(base_url, reverse("unsubscribe")) + "?" + urlencode({"token": person_token(email)})


def _digest(consent):
    return hashlib.sha256(f"{consent.pk}:{consent.subscriber.email}".encode()).hexdigest()[:16]


def consent_token(consent):
    return signing.dumps([consent.pk, _digest(consent)], salt=CONSENT, compress=False)


def read_consent_token(token):
    try:
        pk, digest = signing.loads(token, salt=CONSENT, max_age=CONSENT_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadToken() from error
    consent = by_pk(Consent.objects.select_related("subscriber"), pk) if isinstance(pk, int) else None
    if consent is None or _digest(consent) != digest:
        raise BadToken()
    return consent
