"""What the introductions app holds about an address, for the person's "your data" page (core.subscriptions).

Whether they asked to be introduced, the groups they are in, whether they share their address there; with a
link to the page where they tick or untick "introduce me". Withdrawing entirely deletes their memberships
(withdrawing the signatures would too) and unlinks their messages, which stay in the group's log unsigned.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

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
        _("You asked to be introduced to other supporters in your constituency or union branch")
        if asked
        else _("You have not asked to be introduced to other supporters")
    ]
    for member in memberships_of(email):
        if member.withdrawn_at:
            lines.append(_("You left the group in %(group)s") % {"group": member.group.name})
        elif member.introduced_at:
            introduced = date_format(timezone.localtime(member.introduced_at), "j F Y")
            words = {"group": member.group.name, "date": introduced}
            if member.shares_address:
                line = _("Introduced to the group in %(group)s on %(date)s; you share your address there")
            else:
                line = _("Introduced to the group in %(group)s on %(date)s; your address is not shared")
            lines.append(line % words)
        elif asked:
            lines.append(_("Waiting for three supporters in %(group)s") % {"group": member.group.name})
    link = reverse("introductions:choose") + "?" + urlencode({"token": person_token(address)})
    text = _("Stop introductions") if asked else _("Ask to be introduced")
    heading = _("Introductions to supporters near you")
    return [Holding(heading=heading, lines=lines, link_url=link, link_text=text)]


def erase(email):
    members = memberships_of(email)
    GroupMessage.objects.filter(sender__in=members).update(sender=None)
    members.delete()


register_personal_data(describe, erase)
