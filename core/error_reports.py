"""Errors to Sentry when SENTRY_DSN is set: failed web requests, failed tasks, the scheduler's failed jobs.

Signers tell the campaign their political opinions, so no personal data goes:
no default PII, no request bodies, cookies or local variables, and every event is
scrubbed of query strings, email addresses, tokens and stall keys before it leaves.
Without a DSN nothing is initialised and nothing is sent.
"""

import logging
import re

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration
from sentry_sdk.integrations.logging import LoggingIntegration
from sentry_sdk.integrations.redis import RedisIntegration

from core.logs import scrub as scrub_query_strings_and_emails

FILTERED = "[Filtered]"

# Keys whose values are secret or personal wherever they appear (request headers, extra, breadcrumb data).
SECRET_KEY = re.compile(
    r"^(token|key|code|stall|stall-\d+|cookies?|set-cookie|authorization|sessionid|csrftoken|password|"
    r"x-forwarded-for|x-real-ip|forwarded|remote_addr|ip_address)$|(^|_)email(_|s?$)",
    re.IGNORECASE,
)
# What survives outside a query string: a form body or cookie header quoted in a message, a bare signed token.
TOKEN_PARAMETER = re.compile(r"\b(token|key|code|stall|stall-\d+|sessionid|csrftoken)=[^&;\s\"'<>()]+", re.IGNORECASE)
SIGNED_VALUE = re.compile(r"[\w-]+:[\w-]{4,8}:[\w-]{27,}")  # a signed link (core.signed_links): payload:time:signature
IPV4_ADDRESS = re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b")

# What integrations collect, category by category: no user, cookies, bodies, query strings, SQL
# parameters, queue messages or local variables (a frame's hold signers' names and addresses).
# This sentry-sdk's replacement for send_default_pii=False, which it deprecates: left unset, that means False too.
COLLECTED = {
    "user_info": False,
    "cookies": {"mode": "off"},
    "http_headers": {"request": {"mode": "denylist"}},
    "http_bodies": [],
    "url_query_params": {"mode": "off"},
    "database_query_data": False,
    "queues": False,
    "stack_frame_variables": False,
    "gen_ai": {"inputs": False, "outputs": False},
    "graphql": {"document": False, "variables": False},
}
# Parts of the request that are never sent, whatever an integration put there.
REQUEST_DROPPED = ("data", "cookies", "query_string")


def start(dsn, *, environment=None, release=None, traces_sample_rate=0.0, transport=None):
    """Initialise Sentry for this process if `dsn` is set; True if it was. Called from the production settings."""
    if not dsn:
        return False
    sentry_sdk.init(
        dsn=dsn,
        environment=environment or None,
        release=release or None,
        data_collection=COLLECTED,
        max_request_body_size="never",
        traces_sample_rate=traces_sample_rate or None,  # None: tracing off, no transactions sent
        before_send=scrub_event,
        before_send_transaction=scrub_event,
        integrations=[DjangoIntegration(), LoggingIntegration(level=logging.INFO, event_level=logging.ERROR)],
        disabled_integrations=[RedisIntegration()],  # its breadcrumbs name cache keys, which hold networks
        transport=transport,
    )
    return True


def scrub_event(event, hint):
    """The event without personal data or secrets: Sentry's before_send (and before_send_transaction)."""
    event.pop("user", None)
    request = event.get("request")
    if isinstance(request, dict):
        for part in REQUEST_DROPPED:
            request.pop(part, None)
    return scrubbed(event)


def scrubbed(value, key=""):
    """`value` with every secret-keyed value filtered and every text scrubbed, all the way down."""
    if isinstance(value, dict):
        return {name: scrubbed(item, name) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return [scrubbed(item, key) for item in value]
    if isinstance(key, str) and SECRET_KEY.search(key) and value not in (None, ""):
        return FILTERED
    if isinstance(value, str):
        return scrub_text(value)
    return value


def scrub_text(text):
    """`text` without query strings, email addresses, token or key parameters, signed values or IPv4 addresses."""
    text = scrub_query_strings_and_emails(text)
    text = TOKEN_PARAMETER.sub(lambda match: f"{match.group(1)}={FILTERED}", text)
    text = SIGNED_VALUE.sub(FILTERED, text)
    return IPV4_ADDRESS.sub(FILTERED, text)
