"""What the introductions app holds about an address, for the person's "your data" page (core.subscriptions).

Whether they asked to be introduced, the groups they are in, whether they share their address there; with a
link to the page where they tick or untick "introduce me". Withdrawing entirely deletes their memberships
(withdrawing the signatures would too) and unlinks their messages, which stay in the group's log unsigned.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from core.subscriptions.holdings import Holding, register_personal_data
from core.subscriptions.models import normalise
from core.subscriptions.tokens import person_token
from statements.models import Signature

from .models import GroupMessage, Membership


def memberships_of(email):
    return Membership.objects.filter(signature__email_normalised=normalise(email)).select_related("group")


def describe(email):
    address = normalise(email)
    signatures = Signature.objects.confirmed().filter(email_normalised=address) if address else None
    if not signatures or not signatures.exists():
        return []
    asked = signatures.filter(introduce_me=True).exists()
    lines = [
        "You asked to be introduced to other supporters in your constituency or union branch"
        if asked
        else "You have not asked to be introduced to other supporters"
    ]
    for member in memberships_of(email):
        if member.withdrawn_at:
            lines.append(f"You left the group in {member.group.name}")
        elif member.introduced_at:
            shared = "you share your address there" if member.shares_address else "your address is not shared"
            introduced = timezone.localtime(member.introduced_at)
            lines.append(f"Introduced to the group in {member.group.name} on {introduced:%-d %B %Y}; {shared}")
        elif asked:
            lines.append(f"Waiting for three supporters in {member.group.name}")
    link = reverse("introductions:choose") + "?" + urlencode({"token": person_token(address)})
    text = "Stop introductions" if asked else "Ask to be introduced"
    return [Holding(heading="Introductions to supporters near you", lines=lines, link_url=link, link_text=text)]


def erase(email):
    members = memberships_of(email)
    GroupMessage.objects.filter(sender__in=members).update(sender=None)
    members.delete()


register_personal_data(describe, erase)
