"""The hosts' emails, built when sent (core.emails): a host's private link, a co-host's invitation,
"a message waits for approval" to organisers, and "your message was not sent" to its host.

The hosts' messages to people coming are sent by messaging.py, one copy per person (message_email.py).
"""

from django.urls import reverse

from campaign.events.emails import local_time
from core.emails import Email, register_email
from core.notify import admin_url, organiser_addresses
from core.site_settings import site_settings_for

from .access import HOST_LINK_DAYS_AFTER
from .hosting import CO_HOST_EMAIL, LINK_EMAIL
from .messaging import HELD_EMAIL, REFUSED_EMAIL
from .models import Host, HostMessage
from .tokens import host_page_url


def campaign_of(event):
    settings = site_settings_for(site=event.get_site())
    return (settings.campaign_name, settings.contact_email) if settings else ("", "")


def to_host(host, **context):
    """An email to a current host about their event, with their private link; nothing once access is taken away."""
    if host.is_revoked:
        return None
    event = host.event
    site_name, contact_email = campaign_of(event)
    context |= {
        "site_name": site_name,
        "contact_email": contact_email,
        "name": host.name,
        "title": event.title,
        "start": local_time(event.start),
        "link": host_page_url(host),
        "days_after": HOST_LINK_DAYS_AFTER,
        "listed": event.live,
    }
    return Email(to=[host.email], context=context, reply_to=[contact_email] if contact_email else [])


def link(host):
    return to_host(host)


def co_host(host):
    return to_host(host, invited_by=host.invited_by.name if host.invited_by else "")


def held(message):
    """To the organisers: a host's message waits for them, with the screen to approve or refuse it."""
    event = message.event
    site_name, _ = campaign_of(event)
    context = {
        "site_name": site_name,
        "title": event.title,
        "host_name": message.host.name if message.host else "",
        "review_url": admin_url(reverse("hosts_message_review", args=[message.pk])),
    }
    return Email(to=organiser_addresses(site=event.get_site()), context=context)


def refused(message):
    """To the host: their message was not sent, with the organisers' reason, words they wrote themselves."""
    if message.host is None or message.host.is_revoked:
        return None
    return to_host(message.host, subject=message.subject, reason=message.refusal_reason)


register_email(LINK_EMAIL, Host.objects.select_related("event"), link)
register_email(CO_HOST_EMAIL, Host.objects.select_related("event", "invited_by"), co_host)
register_email(HELD_EMAIL, HostMessage.objects.select_related("event", "host"), held, for_organisers=True)
register_email(REFUSED_EMAIL, HostMessage.objects.select_related("event", "host"), refused)
