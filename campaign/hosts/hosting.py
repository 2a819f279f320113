"""Who hosts an event: the submitter becomes its host when an organiser accepts it; a host invites co-hosts.

Each host gets the private link by email only, at their own address: never on a page, so a link
reaches only the person it names.
"""

from django.db import IntegrityError, transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from campaign.events.models import EventSubmission
from core.emails import queue_email
from core.protection import first_in_interval
from core.subscriptions.models import normalise

from .access import link_lasts
from .models import Host, HostAction

LINK_EMAIL = "hosts/link"
CO_HOST_EMAIL = "hosts/co_host"
# One fresh link per host in this many seconds, however often the form is filled in.
NEW_LINK_INTERVAL = 10 * 60


@receiver(post_save, sender=EventSubmission, dispatch_uid="hosts-submitter-becomes-host")
def make_submitter_host(sender, instance, raw=False, **kwargs):
    """An accepted submission with its event page: its submitter hosts that event (once), and gets the link."""
    if raw or instance.status != EventSubmission.Status.ACCEPTED or not instance.event_page_id:
        return
    with transaction.atomic():
        host, created = Host.objects.get_or_create(
            event_id=instance.event_page_id,
            email=normalise(instance.email),
            defaults={"name": instance.organiser_name, "submission": instance},
        )
        if created:
            send_link(host)


def send_link(host, organiser=None):
    """Email `host` their private link (once the transaction commits) and log it."""
    queue_email(LINK_EMAIL, host)
    HostAction.log(host.event, HostAction.Kind.LINK_SENT, host=host, organiser=organiser)


def send_fresh_links(email):
    """The bad-link page's form: email each current host at `email` a fresh link; silent for any other address.

    The caller shows everyone the same page, so the form tells nobody whether an address hosts anything.
    """
    sent = 0
    for host in Host.objects.filter(email=normalise(email), revoked_at__isnull=True).select_related("event"):
        if link_lasts(host.event) and first_in_interval("hosts:new-link", str(host.pk), NEW_LINK_INTERVAL):
            send_link(host)
            sent += 1
    return sent


class AlreadyInvited(Exception):
    """The address already has access to this event (or had it and an organiser took it away)."""

    def __init__(self, revoked):
        super().__init__("revoked" if revoked else "already a host")
        self.revoked = revoked


def invite_co_host(host, name, email):
    """Give `email` their own access to `host`'s event, revocable separately, and email them their link."""
    try:
        with transaction.atomic():
            co_host = Host.objects.create(event=host.event, name=name, email=email, invited_by=host)
            queue_email(CO_HOST_EMAIL, co_host)
            HostAction.log(host.event, HostAction.Kind.CO_HOST, host=host, detail=f"{name} <{co_host.email}>")
    except IntegrityError:
        existing = Host.objects.get(event=host.event, email=normalise(email))
        raise AlreadyInvited(revoked=existing.is_revoked) from None
    return co_host
