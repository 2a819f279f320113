"""A host's message as one person's email: the host's words in the site's frame, with that person's links.

Every copy carries the event's details, the person's own cancel link, "your data" and a one-click
link (List-Unsubscribe, RFC 8058) that stops hosts' messages about this event. The organisers'
preview is this same email, built for an example person. It is built here, not by core.emails' task:
messaging.py sends a message's copies in one task on one connection and records each copy's outcome
(sent, failed, skipped) on its delivery row, which core.emails' one-email-per-task delivery cannot report.
"""

from urllib.parse import urlencode

from django.core.mail import EmailMultiAlternatives

from campaign.events.emails import local_time
from campaign.events.models import Rsvp
from campaign.events.tokens import CANCEL
from core.emails import one_click_unsubscribe, render_email
from core.site_settings import site_settings_for
from core.subscriptions.tokens import your_data_url

from .models import MessagesStopped
from .tokens import stop_messages_url

TEMPLATE = "hosts/message"


def muted(rsvp):
    return MessagesStopped.objects.filter(rsvp=rsvp).exists()


def context(message, rsvp):
    event = rsvp.event
    event_url = event.get_full_url()
    settings = site_settings_for(site=event.get_site())
    return {
        "site_name": settings.campaign_name if settings else "",
        "subject": message.subject,
        "body": message.body,
        "host_name": message.host.name if message.host else "",
        "person_name": rsvp.name,
        "title": event.title,
        "start": local_time(event.start),
        "where": event.map_query,
        "event_url": event_url,
        "cancel_url": event_url + event.reverse_subpage("rsvp_cancel") + "?" + urlencode({"token": CANCEL.make(rsvp)}),
        "stop_url": stop_messages_url(rsvp),
        "your_data_url": your_data_url(rsvp.email, event_url),
    }


def build(message, rsvp):
    """The email to `rsvp`'s address, with its one-click stop link in the headers."""
    subject, text, html = render_email(TEMPLATE, context(message, rsvp))
    headers = one_click_unsubscribe(stop_messages_url(rsvp))
    mail = EmailMultiAlternatives(subject, text, to=[rsvp.email], headers=headers)
    mail.attach_alternative(html, "text/html")
    mail.tags = ["hosts-message"]
    return mail


def preview(message):
    """(subject, text, html) exactly as sent, for an example person: the preview holds nobody's working links."""
    example = Rsvp(pk=0, event=message.event, name="(someone coming)", email="someone@example.org")
    return render_email(TEMPLATE, context(message, example))


def stop(rsvp):
    """No more hosts' messages to this person about this event (their RSVP and its other emails stay)."""
    MessagesStopped.objects.get_or_create(rsvp=rsvp)
