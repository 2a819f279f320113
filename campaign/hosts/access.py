"""Who a private link lets in: a host whose access stands, for an event not long past.

Every host view reads the token from its path through `host_for`, which raises BadToken for an altered,
revoked or outdated link, so no view can forget a check. The event a view acts on is always the host's
own: no view takes an event id, so a host of one event can never reach another.
"""

from datetime import timedelta

from django.db.models import F
from django.utils import timezone

from core.signed_links import BadToken

from .models import Host, HostAction
from .tokens import HOST_LINK

# A host may mark who came and report paper signatures for this long after the event ends.
HOST_LINK_DAYS_AFTER = 60


def link_lasts(event):
    """Whether a host's link still works for `event`: until HOST_LINK_DAYS_AFTER days after it ends."""
    return event.end + timedelta(days=HOST_LINK_DAYS_AFTER) >= timezone.now()


def host_for(token):
    """The Host a link names, its event loaded; BadToken (`expired` for a long-past event) otherwise."""
    host = HOST_LINK.read(token)
    if host.revoked_at is not None:
        raise BadToken()
    if not link_lasts(host.event):
        raise BadToken(expired=True)
    Host.objects.filter(pk=host.pk).update(last_used_at=timezone.now())
    return host


def revoke(host, organiser=None):
    """Take the host's access away: every link they were sent stops working. False if already taken away."""
    taken = Host.objects.filter(pk=host.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), link_version=F("link_version") + 1
    )
    if taken:
        HostAction.log(host.event, HostAction.Kind.REVOKED, host=host, organiser=organiser)
    return bool(taken)


def restore(host, organiser=None):
    """Give access back: only a link sent from now on works (the old ones were bound to the old version)."""
    restored = Host.objects.filter(pk=host.pk, revoked_at__isnull=False).update(revoked_at=None)
    if restored:
        HostAction.log(host.event, HostAction.Kind.RESTORED, host=host, organiser=organiser)
    return bool(restored)
