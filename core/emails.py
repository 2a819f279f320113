"""Every outgoing email: a task that carries ids, not personal data, and renders when it runs.

The task stores only the template's name, the record's key and plain params; the builder the record's
app registered (`register_email`, in its `emails.py`) reads the record when the task runs. So a withdrawn
or purged signature leaves nothing about the person in the queue, and a record that is gone gets no email.
A worker killed mid-send loses nothing (core/task_leases.py) and sends nothing twice (core/email_sends.py).
"""

import logging
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from anymail.exceptions import AnymailError
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db import DatabaseBackend
from wagtail.models import Site

from . import email_sends
from .languages import active_language
from .protection import first_in_interval
from .queries import get_or_none

logger = logging.getLogger(__name__)

# Seconds before each retry when the provider fails; after the last, the admin's "Email tasks" shows it.
RETRY_DELAYS = [60, 5 * 60, 30 * 60, 2 * 60 * 60]

# Seconds between two acknowledgements of one kind to one address, so nobody can make the site spam them.
ACKNOWLEDGEMENT_INTERVAL = 10 * 60


@dataclass
class Email:
    """What a builder makes of a record at send time: who gets the email and what it says."""

    to: list
    context: dict
    reply_to: list = field(default_factory=list)
    attachments: list = field(default_factory=list)  # (filename, content, mimetype), made at send time
    headers: dict = field(default_factory=dict)  # extra headers, such as one_click_unsubscribe(url)'s


def one_click_unsubscribe(url):
    """The headers that let a mail program stop an email with one click (RFC 8058): `url` absolute, POST-able."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


@dataclass(frozen=True)
class EmailKind:
    records: models.QuerySet  # where the record is read from when the task runs
    build: object  # build(record, **params) -> Email, or None to send nothing
    for_organisers: bool = False  # written in the site's default language, whoever's action sent it


_kinds = {}


class EmailFailed(Exception):
    """The provider refused an email on every attempt (its own message, which may name the recipient, is left out)."""


def register_email(template, records, build, for_organisers=False):
    """Say how `template` is built: read the record from `records` (a model or a queryset), then `build` it.

    Called from each app's `emails.py`, which CoreConfig.ready imports, so the worker knows every kind too.
    `for_organisers`: an alert or notice to the campaign's organisers, in the site's default language even
    when a visitor in another language set it off.
    """
    if isinstance(records, type) and issubclass(records, models.Model):
        records = records._default_manager.all()
    _kinds[template] = EmailKind(records=records, build=build, for_organisers=for_organisers)


def render_email(template, context):
    """Render templates/emails/<template>.{txt,html}; the first line of the text is the subject.

    The subject is folded onto one line: a visitor's name may hold a line break, which no header may.
    """
    text = render_to_string(f"emails/{template}.txt", context).lstrip()
    subject, _, body = text.partition("\n")
    html = render_to_string(f"emails/{template}.html", context)
    return " ".join(subject.removeprefix("Subject:").split()), body.lstrip("\n"), html


def site_id(request):
    """The id of the site a request came to, for an email's params (the site itself is looked up at send time)."""
    site = Site.find_for_request(request)
    return site.pk if site else None


def site_of(site_id):
    """The site whose id an email's params carry, or None (then site settings fall back to the default site)."""
    return get_or_none(Site.objects, site_id) if site_id else None


@task()
def send_email(template, pk, params=None, attempt=0, key=None, language=None):
    """Build the email from the record as it is now, and send it; nothing if the record is gone.

    `key` (core/email_sends.py) keeps an email the provider accepted from going again when the task re-runs.
    `language`: the one it is written in (email_language); tasks queued before there was one are in the default.
    """
    kind = _kinds.get(template)
    if kind is None:
        logger.error("email not sent: no builder registered", extra={"template": template})
        return
    record = get_or_none(kind.records, pk)
    if record is None:
        logger.info("email not sent: its record is gone", extra={"template": template})
        return
    deliver(template, record, params or {}, attempt, key, language)


def deliver(template, record, params, attempt=0, key=None, language=None):
    """Build and send one email in `language`; on a provider's failure queue the next attempt (by id) after a delay.

    Built in that language too: the links it carries (reversed addresses, pages' URLs) are that language's.
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        _deliver(template, record, params, attempt, key, language)


def _deliver(template, record, params, attempt, key, language):
    email = _kinds[template].build(record, **params)
    to = [address for address in (email.to if email else []) if address]
    if not to:
        logger.info("email not sent: no recipient", extra={"template": template})
        return
    subject, text, html = render_email(template, email.context)
    message = EmailMultiAlternatives(subject, text, to=to, reply_to=[a for a in email.reply_to if a] or None)
    message.attach_alternative(html, "text/html")
    message.extra_headers.update(email.headers)
    for filename, content, mimetype in email.attachments:
        message.attach(filename, content, mimetype)
    message.tags = [template.replace("/", "-")]  # anymail sends these to providers that support tags
    if key is not None:
        if not email_sends.begin(key, template):
            logger.info("email not sent again: the provider already accepted it", extra={"template": template})
            return
        if header := email_sends.idempotency_header():
            message.extra_headers[header] = email_sends.idempotency_key(key, attempt)
    try:
        message.send()
    except (AnymailError, OSError):
        if attempt >= len(RETRY_DELAYS):
            logger.error("email failed for good", extra={"template": template, "attempts": attempt + 1})
            # The task result keeps this traceback: leave out the provider's message, which may name the recipient.
            raise EmailFailed(f"{template}: the provider refused it {attempt + 1} times") from None
        logger.warning("email failed, will retry", extra={"template": template, "attempt": attempt + 1})
        retry = send_email
        if retry.get_backend().supports_defer:
            retry = retry.using(run_after=timezone.now() + timedelta(seconds=RETRY_DELAYS[attempt]))
        retry.enqueue(template, record.pk, params, attempt=attempt + 1, key=key, language=language)
        return
    if key is not None:
        email_sends.finish(key, message)
    logger.info("email sent", extra={"template": template, "recipients": len(to), "attempt": attempt + 1})


def deliver_now(template, record, params, language=None):
    """Send in this process, as the immediate backend runs a task: a failure is logged, never raised to the visitor."""
    try:
        deliver(template, record, params, language=language)
    except Exception:
        logger.exception("email task failed", extra={"template": template})


def email_language(record):
    """The language of an email about `record`: the person's own (the record's `language`), else the active one.

    The active language is the address's the person used (core.languages) when a request queues the
    email; a scheduled job has none, so records people make keep the language they made them in.
    """
    return getattr(record, "language", "") or active_language()


def queue_email(template, record, language=None, **params):
    """Send `template` about `record` once the current transaction commits, in the person's language.

    On the database queue the task row is written in the caller's transaction, so it rolls back with the
    record. `params` must be plain JSON and never personal data: the task queue keeps them. `language`: the
    one to write it in when the caller knows better (the version of a page the person is reading now).
    """
    if template not in _kinds:
        raise LookupError(f"No email builder is registered for {template!r}.")
    backend = send_email.get_backend()
    key = str(uuid.uuid4())
    organisers = _kinds[template].for_organisers
    language = settings.LANGUAGE_CODE if organisers else language or email_language(record)
    if isinstance(backend, DatabaseBackend):
        send_email.enqueue(template, record.pk, params, key=key, language=language)
    elif isinstance(backend, ImmediateBackend):
        transaction.on_commit(lambda: deliver_now(template, record, params, language))
    else:
        transaction.on_commit(lambda: send_email.enqueue(template, record.pk, params, key=key, language=language))


def queue_acknowledgement(template, record, address, **params):
    """Queue the "we have it" email to the person who sent something in, unless `address` had one lately.

    Anyone can type any address into a public form, so its templates never repeat what the visitor typed.
    """
    if first_in_interval(f"acknowledged:{template}", address, ACKNOWLEDGEMENT_INTERVAL):
        queue_email(template, record, **params)
