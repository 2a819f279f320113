"""Every outgoing email: a template pair rendered and sent through django-anymail by a task.

Views call `queue_email` inside their transaction; the task runs only once
the row it talks about is committed, so a rolled-back signature never gets an
email, and an email provider that is down never loses the signature.
Context values must be plain JSON (strings, numbers, lists, dicts) because
the production task queue stores them in the database.
"""

import logging
from datetime import timedelta

from anymail.exceptions import AnymailError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend

logger = logging.getLogger(__name__)


def render_email(template, context):
    """Render templates/emails/<template>.{txt,html}; the first line of the text is the subject."""
    text = render_to_string(f"emails/{template}.txt", context).lstrip()
    subject, _, body = text.partition("\n")
    html = render_to_string(f"emails/{template}.html", context)
    return subject.removeprefix("Subject:").strip(), body.lstrip("\n"), html


# When the provider fails, try again after these many seconds, then give up
# (the task result then shows the failure in the admin's "Email tasks").
RETRY_DELAYS = [60, 5 * 60, 30 * 60, 2 * 60 * 60]


@task()
def send_email(template, to, context, reply_to=None, tags=None, attempt=0):
    subject, text, html = render_email(template, context)
    message = EmailMultiAlternatives(subject, text, to=list(to), reply_to=reply_to or None)
    message.attach_alternative(html, "text/html")
    if tags:
        message.tags = list(tags)  # anymail sends these to providers that support tags
    try:
        message.send()
    except (AnymailError, OSError):
        if attempt >= len(RETRY_DELAYS):
            logger.error("email failed for good", extra={"template": template, "attempts": attempt + 1})
            raise
        logger.warning("email failed, will retry", extra={"template": template, "attempt": attempt + 1})
        retry = send_email
        if retry.get_backend().supports_defer:
            retry = retry.using(run_after=timezone.now() + timedelta(seconds=RETRY_DELAYS[attempt]))
        retry.enqueue(template, to, context, reply_to=reply_to, tags=tags, attempt=attempt + 1)
        return
    logger.info("email sent", extra={"template": template, "recipients": len(to), "attempt": attempt + 1})


def queue_email(template, to, context, reply_to=None):
    """Send `template` to the `to` addresses once the current transaction commits.

    On the database queue the task row is written inside the transaction
    itself: it commits or rolls back with the signature it is about, and the
    request saves a round trip. Other backends (immediate in development)
    run it after the commit.
    """
    to = [address for address in to if address]
    if not to:
        return
    tags = [template.replace("/", "-")]

    def enqueue():
        send_email.enqueue(template, to, context, reply_to=reply_to, tags=tags)

    if isinstance(send_email.get_backend(), DatabaseBackend):
        enqueue()
    else:
        transaction.on_commit(enqueue)
