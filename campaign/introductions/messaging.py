"""A member's message to their group, relayed through the site: nobody's address shows, each copy goes once.

Limits, counted on the kept messages (the log) by London day, whatever became of them: MESSAGES_PER_MEMBER a
day from one member and MESSAGES_PER_GROUP a day in one group, so a group cannot be flooded; the page's POST
is rate-limited per network too. Each other active member gets a copy by its own email task (core.emails,
the task carries the message's and the member's ids), built when it runs: someone who left meanwhile gets
nothing. Addresses are shown only between members who both chose to share theirs (sharing()).
"""

from datetime import datetime, time

from django.db import transaction
from django.utils import timezone

from core.emails import queue_email

from .models import GroupMessage, IntroductionGroup, Membership

MESSAGE_EMAIL = "introductions/message"
MESSAGES_PER_MEMBER = 3
MESSAGES_PER_GROUP = 10
MOST_CHARACTERS = 2000


class OverDailyLimit(Exception):
    """Too many messages today from this member, or in this group."""


def start_of_today():
    return timezone.make_aware(datetime.combine(timezone.localdate(), time.min))


def messages_left_today(member):
    today = GroupMessage.objects.filter(group_id=member.group_id, created_at__gte=start_of_today())
    from_member = today.filter(sender=member).count()
    return max(0, min(MESSAGES_PER_MEMBER - from_member, MESSAGES_PER_GROUP - today.count()))


def others(member):
    """The group's other active members, in the order they joined."""
    return member.group.members.active().exclude(pk=member.pk).select_related("signature").order_by("joined_at", "pk")


def send(member, body):
    """Keep the message and queue one copy to each other active member; OverDailyLimit past a limit."""
    with transaction.atomic():
        IntroductionGroup.objects.select_for_update().filter(pk=member.group_id).first()  # one writer per group
        if messages_left_today(member) <= 0:
            raise OverDailyLimit()
        recipients = list(others(member))
        message = GroupMessage.objects.create(
            group_id=member.group_id, sender=member, body=body, recipients=len(recipients)
        )
        for recipient in recipients:
            queue_email(MESSAGE_EMAIL, message, to=recipient.pk)
    return message


def share_address(member, share):
    Membership.objects.filter(pk=member.pk).update(shares_address=share)


def sharing(member):
    """[(first name, address)] of the others who share their address, when this member shares theirs too."""
    if not member.shares_address:
        return []
    return [(other.first_name, other.signature.email) for other in others(member) if other.shares_address]
