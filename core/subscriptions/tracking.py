"""Bounces and complaints reported by the email provider stop updates to that address.

anymail turns each provider's webhook into a `tracking` signal; a hard
bounce, a rejection or a spam complaint means the campaign must not write to
that address again (providers suspend senders who do). A soft bounce (a full
mailbox) is left alone.
"""

from anymail.signals import tracking
from django.dispatch import receiver

from .consent import stop
from .models import Subscriber

STOPPING = {
    "bounced": Subscriber.Status.BOUNCED,
    "rejected": Subscriber.Status.BOUNCED,
    "complained": Subscriber.Status.COMPLAINED,
    "unsubscribed": Subscriber.Status.UNSUBSCRIBED,
}


@receiver(tracking, dispatch_uid="core.subscriptions.tracking")
def stop_on_bounce_or_complaint(sender, event, esp_name, **kwargs):
    status = STOPPING.get(event.event_type)
    if status and event.recipient:
        stop(event.recipient, status)
