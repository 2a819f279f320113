"""Signed links (core.signed_links): the person's "your data" page and one-click unsubscribe, confirming a consent.

The person's link carries their address, signed for that purpose alone, and
never expires: an unsubscribe link in an old email must still work (RFC 8058).
It goes only to that address, and the logs never keep query strings. A
consent's link is bound to its subscriber's address and lasts a month.
"""

from urllib.parse import urlencode, urljoin

from django.urls import reverse

from core.signed_links import BadToken, SignedLink, sign, unsign

from .models import Consent, normalise

PERSON = "core.subscriptions.person"
CONSENT_MAX_AGE = 60 * 60 * 24 * 30

CONSENT = SignedLink(
    "core.subscriptions.consent",
    Consent.objects.select_related("subscriber"),
    lambda consent: [consent.subscriber.email],
    max_age=CONSENT_MAX_AGE,
)


def person_token(email):
    return sign(normalise(email), PERSON)


def read_person_token(token):
    """The address a person's link was made for, or BadToken."""
    email = unsign(token, PERSON)
    if not isinstance(email, str) or "@" not in email:
        raise BadToken()
    return email


def your_data_url(email, base_url):
    """The absolute address of the person's page, on the site `base_url` (any absolute address on it)."""
    return urljoin(base_url, reverse("your_data")) + "?" + urlencode({"token": person_token(email)})


def unsubscribe_url(email, base_url):
    """The one-click unsubscribe address (List-Unsubscribe), which also answers a person's GET with a button."""
    return urljoin(base_url, reverse("unsubscribe")) + "?" + urlencode({"token": person_token(email)})
