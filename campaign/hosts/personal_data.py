"""What the hosts app holds about an address, for the person's "your data" page (core.subscriptions).

The events they host (or co-host). Withdrawing entirely deletes that access (their links stop working);
their messages, paper counts and the log stay for the organisers, no longer naming them.
"""

from core.subscriptions.holdings import Holding, register_personal_data
from core.subscriptions.models import normalise

from .models import Host, HostAction


def hosts_of(email):
    return Host.objects.filter(email=normalise(email)).select_related("event")


def describe(email):
    holdings = []
    for host in hosts_of(email):
        lines = [f"Name: {host.name}", f"Since {host.created_at:%-d %B %Y}"]
        if host.is_revoked:
            lines.append("The organisers took this access away")
        holdings.append(Holding(heading=f"You host “{host.event.title}”", lines=lines))
    return holdings


def erase(email):
    address = normalise(email)
    if address:
        HostAction.objects.filter(detail__icontains=address).update(detail="(details removed on request)")
    hosts_of(email).delete()


register_personal_data(describe, erase)
