"""The host's private link (core.signed_links): bound to the host's address, link version and access.

It has no age limit of its own: it works while the event is upcoming and for HOST_LINK_DAYS_AFTER
days after it ends (to mark who came and count the paper), checked in access.py. Taking a host's
access away changes what the link is bound to, so every link that host was sent stops at once.
"""

from urllib.parse import urlencode, urljoin

from django.conf import settings
from django.urls import reverse

from campaign.events.models import Rsvp
from core.signed_links import SignedLink

from .models import Host


def _bound(host):
    return [host.email, str(host.link_version), "revoked" if host.revoked_at else "open"]


HOST_LINK = SignedLink("campaign.hosts.manage", Host.objects.select_related("event"), _bound)


def base_url_of(event):
    site = event.get_site()
    return site.root_url if site else settings.PUBLIC_BASE_URL


def host_page_url(host):
    """The absolute private link for `host`, on the site its event lives on."""
    return urljoin(base_url_of(host.event), reverse("hosts:page", args=[HOST_LINK.make(host)]))


# The one-click "no more messages from this event's hosts" link in each host's message (RFC 8058).
STOP_MESSAGES = SignedLink(
    "campaign.hosts.stop-messages", Rsvp.objects.select_related("event"), lambda rsvp: [rsvp.email]
)


def stop_messages_url(rsvp):
    query = urlencode({"token": STOP_MESSAGES.make(rsvp)})
    return urljoin(base_url_of(rsvp.event), reverse("hosts:stop_messages")) + "?" + query
