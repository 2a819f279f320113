"""A host's message to everyone coming: the daily limit, holding for approval, and sending each copy once.

A message counts against its event's limit (settings.HOST_MESSAGES_PER_DAY, co-hosts together) on the
London day it was written, whatever becomes of it, so a held queue cannot be flooded either. Sending
writes one delivery row per person going and claims each row with a conditional UPDATE before handing
it to the provider: approving twice, or a task run again, sends nobody a second copy.
"""

import logging
from datetime import datetime, time

from anymail.exceptions import AnymailError
from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from campaign.events.models import Rsvp
from core.emails import queue_email
from core.queries import get_or_none
from core.subscriptions.models import Subscriber

from . import message_email
from .models import Host, HostAction, HostMessage, HostMessageDelivery

logger = logging.getLogger(__name__)

HELD_EMAIL = "hosts/message_held"
REFUSED_EMAIL = "hosts/message_refused"
# People who asked for no more email from the campaign get no host's message either.
STOPPED = [Subscriber.Status.UNSUBSCRIBED, Subscriber.Status.BOUNCED, Subscriber.Status.COMPLAINED]


class OverDailyLimit(Exception):
    """The event's hosts already wrote HOST_MESSAGES_PER_DAY messages today (London time)."""


def start_of_today():
    """Midnight at the start of today in the site's zone (London): the daily limit's day."""
    today = timezone.localdate()
    return timezone.make_aware(datetime.combine(today, time.min))


def written_today(event):
    return HostMessage.objects.filter(event=event, created_at__gte=start_of_today()).count()


def messages_left_today(event):
    return max(0, settings.HOST_MESSAGES_PER_DAY - written_today(event))


def recipients(event):
    """Everyone going (attendees and helpers alike), not the waiting list, nobody whose details were purged."""
    return Rsvp.objects.filter(event=event, status=Rsvp.Status.GOING, anonymised_at__isnull=True)


def submit(host, subject, body):
    """Record the host's message: sent at once for a trusted host, else held for an organiser. OverDailyLimit."""
    with transaction.atomic():
        list(Host.objects.select_for_update().filter(event=host.event).values_list("pk", flat=True))  # one at a time
        if written_today(host.event) >= settings.HOST_MESSAGES_PER_DAY:
            raise OverDailyLimit()
        host = Host.objects.get(pk=host.pk)  # trusted as it is now, not as the link was read
        message = HostMessage.objects.create(
            event=host.event,
            host=host,
            subject=subject,
            body=body,
            status=HostMessage.Status.SENDING if host.trusted else HostMessage.Status.HELD,
        )
        if host.trusted:
            HostAction.log(host.event, HostAction.Kind.MESSAGE_SENT, host=host, detail=subject)
            start_sending(message)
        else:
            HostAction.log(host.event, HostAction.Kind.MESSAGE_HELD, host=host, detail=subject)
            queue_email(HELD_EMAIL, message)
    return message


def approve(message, organiser):
    """Send a held message; False if it was no longer held (approved or refused meanwhile)."""
    with transaction.atomic():
        if not HostMessage.objects.filter(pk=message.pk, status=HostMessage.Status.HELD).update(
            status=HostMessage.Status.SENDING, decided_at=timezone.now(), decided_by=organiser
        ):
            return False
        message.refresh_from_db()
        log(message, HostAction.Kind.MESSAGE_APPROVED, organiser)
        start_sending(message)
    return True


def refuse(message, organiser, reason=""):
    """Never send a held message; its host is told (with the reason). False if it was no longer held."""
    with transaction.atomic():
        if not HostMessage.objects.filter(pk=message.pk, status=HostMessage.Status.HELD).update(
            status=HostMessage.Status.REFUSED, decided_at=timezone.now(), decided_by=organiser, refusal_reason=reason
        ):
            return False
        message.refresh_from_db()  # the email is built from it (at once, on the immediate backend)
        log(message, HostAction.Kind.MESSAGE_REFUSED, organiser)
        if message.host_id:
            queue_email(REFUSED_EMAIL, message)
    return True


def log(message, kind, organiser):
    HostAction.log(message.event, kind, host=message.host, organiser=organiser, detail=message.subject)


def start_sending(message):
    """Write one delivery row per person going now (a repeat adds none), then queue the sending task."""
    ids = recipients(message.event).values_list("pk", flat=True)
    rows = [HostMessageDelivery(message=message, rsvp_id=pk) for pk in ids]
    HostMessageDelivery.objects.bulk_create(rows, ignore_conflicts=True)
    HostMessage.objects.filter(pk=message.pk).update(recipients=message.deliveries.count())
    transaction.on_commit(lambda: send_host_message.enqueue(message.pk))


def claim(delivery):
    """True if this run now owns the delivery (it was pending): the one place a copy is let go."""
    return bool(
        HostMessageDelivery.objects.filter(pk=delivery.pk, status=HostMessageDelivery.Status.PENDING).update(
            status=HostMessageDelivery.Status.CLAIMED, claimed_at=timezone.now()
        )
    )


def deliver(connection, message, delivery):
    """Send one person's copy; the status it ends in."""
    rsvp = delivery.rsvp
    stopped = Subscriber.objects.filter(email=rsvp.email, status__in=STOPPED).exists()
    if rsvp.status != Rsvp.Status.GOING or rsvp.anonymised_at or stopped or message_email.muted(rsvp):
        return HostMessageDelivery.Status.SKIPPED
    mail = message_email.build(message, rsvp)
    mail.connection = connection
    try:
        mail.send()
    except (AnymailError, OSError):
        logger.warning("host's message failed", extra={"delivery": delivery.pk})
        return HostMessageDelivery.Status.FAILED
    return HostMessageDelivery.Status.SENT


@task()
def send_host_message(message_id):
    """Send every pending copy of an approved message, each claimed first; then mark the message sent."""
    message = get_or_none(HostMessage.objects.select_related("event", "host"), message_id)
    if message is None or message.status != HostMessage.Status.SENDING:
        return
    pending = message.deliveries.filter(status=HostMessageDelivery.Status.PENDING).select_related("rsvp__event")
    with get_connection() as connection:
        for delivery in pending.order_by("pk").iterator():
            if claim(delivery):
                status = deliver(connection, message, delivery)
                HostMessageDelivery.objects.filter(pk=delivery.pk).update(status=status, sent_at=timezone.now())
    if not message.deliveries.filter(status=HostMessageDelivery.Status.PENDING).exists():
        HostMessage.objects.filter(pk=message.pk, status=HostMessage.Status.SENDING).update(
            status=HostMessage.Status.SENT
        )
