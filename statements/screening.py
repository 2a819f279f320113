"""Holding back instead of refusing: which new signatures wait for an organiser, and when organisers hear of a burst.

A union meeting whose chair says "everyone sign now" on the venue's Wi-Fi,
a workplace behind one address, a mobile operator's shared address: many
real people sign from one network. So signing is never refused below a
ceiling far above any meeting (RATE_LIMITS["sign"], core.protection). Below
it, confirmation emails to one network go out up to SIGNING_EMAIL_BUDGET an
hour; past that a new signature is saved but held, with no email, until an
organiser releases it (statements.review). Addresses at disposable-email
domains are held too. The visitor sees the same "check your inbox" page
either way: the page must not teach a robot where the line is.

When one network or one email domain passes REVIEW_ALERTS[...] signatures in
an hour, the organisers get one email for that group and hour.
"""

import hashlib
from dataclasses import dataclass

from disposable_email_domains import blocklist
from django.conf import settings

from core.emails import queue_email
from core.protection import count_each_this_period, network_key

from .models.signature import Signature, normalise_email

HOUR = 60 * 60
ALERT_EMAIL = "statements/review_alert"


@dataclass(frozen=True)
class Assessment:
    """What signing needs to know about a new signature before it is saved."""

    network: str = ""  # core.protection.network_key, or "" without a request
    held_because: str = ""
    alerts: tuple = ()  # the groupings ("network", "domain") this signature takes past their alert threshold
    within_rate_limit: bool = True  # False: refuse it (429), save nothing


def email_domain(address):
    """The part of an address after the last @, lower-cased ("" if there is none)."""
    local, at, domain = normalise_email(address).rpartition("@")
    return domain if at and local else ""


def is_disposable(domain):
    """True for a domain on the kept list of disposable-email services, or a subdomain of one."""
    labels = domain.split(".")
    return any(".".join(labels[start:]) in blocklist for start in range(len(labels) - 1))


def assess(request, email, rate_limit=None):
    """Count this signing against its network and its email domain for the hour, and say whether to hold it.

    One cache round trip for both counts and, given one, the form's
    `rate_limit` (core.protection.RateLimit): in a surge every round trip
    counts. No query. The network's count is both its email budget and its
    alert, so one key serves both. `email` None: a post with mistakes, which
    counts against the rate limit only.
    """
    network = network_key(request) if request is not None and email is not None else ""
    domain = email_domain(email) if email is not None else ""
    held_because = Signature.HeldBecause.DISPOSABLE if domain and is_disposable(domain) else ""
    counters = {}  # grouping: (scope, key, period)
    if rate_limit is not None:
        counters["rate limit"] = rate_limit.counter(request)
    if network:
        counters["network"] = ("signing:network", network, HOUR)
    if domain:
        digest = hashlib.sha256(domain.encode()).hexdigest()[:32]  # a short cache key for any length of domain
        counters["domain"] = ("signing:domain", digest, HOUR)
    seen = dict(zip(counters, count_each_this_period(list(counters.values())), strict=True))
    within_rate_limit = rate_limit.allows(seen.pop("rate limit")) if rate_limit is not None else True
    if seen.get("network", 0) > settings.SIGNING_EMAIL_BUDGET and not held_because:
        held_because = Signature.HeldBecause.NETWORK
    alerts = tuple(grouping for grouping, count in seen.items() if count == settings.REVIEW_ALERTS[grouping])
    return Assessment(network=network, held_because=held_because, alerts=alerts, within_rate_limit=within_rate_limit)


def alert_organisers(signature, assessment):
    """Queue the organisers' burst alert for each group this signature took past its threshold (once an hour each)."""
    for grouping in assessment.alerts:
        queue_email(ALERT_EMAIL, signature, grouping=grouping)
