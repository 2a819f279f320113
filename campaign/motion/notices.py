"""Short notices to pledged delegates in conference week ("composite 4 is taken at 2.30 pm").

campaign/news sends updates to the subscriber list, narrowed by signatures;
it cannot name a list of pledges, so this is a small sending of its own
through core.emails: one NoticeDelivery row per delegate (unique, so a
notice reaches each once), one email task each, a one-click link to stop.
Only verified pledges whose delegate ticked "send me notices" and has not
stopped them; only from a week before the conference to its last day.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.emails import queue_email

from .models.pledges import ConferenceNotice, DelegatePledge, NoticeDelivery

WEEK_BEFORE = timedelta(days=7)


class NotConferenceWeek(Exception):
    """A notice outside the week before the conference and its days: delegates agreed to conference week only."""


def in_conference_week(conference, today=None):
    today = today or timezone.localdate()
    return conference.starts_on - WEEK_BEFORE <= today <= conference.ends_on


def recipients(conference):
    return DelegatePledge.objects.verified().filter(
        conference=conference, notices=True, notices_stopped_at__isnull=True
    )


def send_notice(conference, message, user):
    """Record the notice and queue one email per delegate who agreed. Returns the notice."""
    if not in_conference_week(conference):
        raise NotConferenceWeek(conference)
    with transaction.atomic():
        notice = ConferenceNotice.objects.create(conference=conference, message=message, created_by=user)
        pledges = list(recipients(conference).values_list("pk", flat=True))
        NoticeDelivery.objects.bulk_create([NoticeDelivery(notice=notice, pledge_id=pk) for pk in pledges])
        notice.recipients = len(pledges)
        notice.save(update_fields=["recipients"])
        for delivery in NoticeDelivery.objects.filter(notice=notice):
            queue_email("motion/delegate_notice", delivery)
    return notice


def stop_notices(pledge):
    DelegatePledge.objects.filter(pk=pledge.pk, notices_stopped_at__isnull=True).update(
        notices_stopped_at=timezone.now()
    )
