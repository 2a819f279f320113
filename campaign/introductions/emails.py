"""The introductions' emails, built when each is sent (core.emails): the introduction, "someone new joined",
and a member's message relayed to another.

Each is built from the member as they are at send time: a member who left, unticked, withdrew their
signature or was anonymised since the job queued it gets nothing (the builder returns None), and the names
listed are only of those still in. Nobody's address is in any of them. Every one carries the member's own
link to the group's page, a one-click link to leave the group (List-Unsubscribe, RFC 8058), "your data",
and the site's name, as other emails sent without being asked for each time.
"""

from django.utils.translation import gettext

from core.emails import Email, one_click_unsubscribe, register_email
from core.queries import get_or_none
from core.site_settings import site_settings_for
from core.subscriptions.tokens import your_data_url

from . import kit, messaging
from .models import GroupMessage, Membership
from .tokens import base_url, group_page_url, leave_url

MEMBERS = Membership.objects.select_related("group", "signature")


def frame(member):
    """What every email to a member carries: their links, the place, the kit and the site's name."""
    settings = site_settings_for()
    stop = leave_url(member)
    context = {
        "place": member.group.name,
        "first_name": member.first_name,
        "group_url": group_page_url(member),
        "leave_url": stop,
        "your_data_url": your_data_url(member.signature.email, base_url()),
        "site_name": settings.campaign_name if settings else "",
        **kit.kit(member.group),
    }
    return context, one_click_unsubscribe(stop)


def introduction(member):
    """ "Meet the others in <place>": their first names, the group's page, the kit."""
    if not member.is_active:
        return None
    context, headers = frame(member)
    context["others"] = [other.first_name for other in messaging.others(member)]
    return Email(to=[member.signature.email], context=context, headers=headers)


def joined(member, new=()):
    """Told once per run that someone new joined: their first names (those still in)."""
    if not member.is_active:
        return None
    newcomers = [other for other in MEMBERS.filter(pk__in=new).active() if other.pk != member.pk]
    if not newcomers:
        return None
    context, headers = frame(member)
    context["newcomers"] = [other.first_name for other in newcomers]
    return Email(to=[member.signature.email], context=context, headers=headers)


def relayed(message, to=None):
    """One member's message, to one other member (still in), signed with the sender's first name only."""
    member = get_or_none(MEMBERS, to)
    if member is None or not member.is_active or member.group_id != message.group_id:
        return None
    context, headers = frame(member)
    context["sender"] = message.sender.first_name if message.sender_id else gettext("A member who has since left")
    context["body"] = message.body
    return Email(to=[member.signature.email], context=context, headers=headers)


register_email("introductions/introduction", MEMBERS, introduction)
register_email("introductions/joined", MEMBERS, joined)
register_email("introductions/message", GroupMessage.objects.select_related("sender__signature"), relayed)
