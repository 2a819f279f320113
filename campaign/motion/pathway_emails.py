"""The pathway's emails, built when they are sent (core.emails): confirming a step or a pledge, telling
organisers one waits, the deadline reminder and the conference-week notice.

Like the report's, a confirmation never repeats what was typed; the
organisers' email, to the campaign's own address, has it all. Emails that
no form just asked for carry a one-click link to stop them, in the text and in
the List-Unsubscribe headers (RFC 8058) that pathway_views.pathway_stop answers.
"""

from urllib.parse import urlencode

from django.utils import timezone

from core.emails import Email, one_click_unsubscribe, register_email
from core.notify import modeladmin_url, organiser_addresses
from core.subscriptions.tokens import your_data_url

from .models.pages import MotionPage
from .models.pathway import DeadlineReminder, PathwayStep
from .models.pledges import DelegatePledge, NoticeDelivery
from .tokens import PLEDGE_CONFIRM, STEP_CONFIRM, STOP_NOTICES, STOP_REMINDERS


def motion_page_url(motion_url=None):
    """The motion page's address: as the visitor reached it, or (for scheduled and admin sends) the site's own."""
    if motion_url:
        return motion_url
    page = MotionPage.objects.live().first()
    return page.get_full_url() if page else ""


def link(url, route, token):
    return f"{url}{route}?" + urlencode({"token": token})


def step_confirm(step, motion_url=None):
    url = motion_page_url(motion_url)
    context = {
        "confirm_url": link(url, "pathway/confirm/step/", STEP_CONFIRM.make(step)),
        "your_data_url": your_data_url(step.email, url),
    }
    return Email(to=[step.email], context=context)


def pledge_confirm(pledge, motion_url=None):
    url = motion_page_url(motion_url)
    context = {
        "confirm_url": link(url, "pathway/confirm/pledge/", PLEDGE_CONFIRM.make(pledge)),
        "your_data_url": your_data_url(pledge.email, url),
    }
    return Email(to=[pledge.email], context=context)


def for_organisers(record, motion_url=None):
    context = {"record": record, "admin_url": modeladmin_url(record)}
    return Email(to=organiser_addresses(), context=context, reply_to=[record.email])


def deadline_reminder(reminder):
    """ "The deadline for motions (or amendments) to X is in 14 days": nothing if the reporter stopped reminders."""
    report, conference = reminder.report, reminder.conference
    if not report.deadline_reminders:
        return None
    url = motion_page_url()
    context = {
        "body_name": report.body_name,
        "conference": conference,
        "deadline": reminder.deadline,
        "days": (reminder.deadline - timezone.localdate()).days,
        "board_url": f"{url}conferences/{conference.slug}/",
        "step_url": f"{url}pathway/step/?" + urlencode({"report": report.pk, "conference": conference.pk}),
        "stop_url": link(url, "pathway/stop/reminders/", STOP_REMINDERS.make(report)),
        "your_data_url": your_data_url(report.email, url),
    }
    return Email(to=[report.email], context=context, headers=one_click_unsubscribe(context["stop_url"]))


def delegate_notice(delivery):
    """A conference-week notice to one delegate: nothing if they stopped notices since it was queued."""
    pledge = delivery.pledge
    if not pledge.takes_notices:
        return None
    url = motion_page_url()
    context = {
        "message": delivery.notice.message,
        "conference": pledge.conference,
        "delegate_name": pledge.delegate_name,
        "board_url": f"{url}conferences/{pledge.conference.slug}/",
        "stop_url": link(url, "pathway/stop/notices/", STOP_NOTICES.make(pledge)),
        "your_data_url": your_data_url(pledge.email, url),
    }
    return Email(to=[pledge.email], context=context, headers=one_click_unsubscribe(context["stop_url"]))


register_email("motion/step_confirm", PathwayStep, step_confirm)
register_email("motion/pledge_confirm", DelegatePledge, pledge_confirm)
register_email(
    "motion/step_organisers",
    PathwayStep.objects.select_related("report", "conference"),
    for_organisers,
    for_organisers=True,
)
register_email(
    "motion/pledge_organisers",
    DelegatePledge.objects.select_related("body", "conference"),
    for_organisers,
    for_organisers=True,
)
register_email(
    "motion/deadline_reminder", DeadlineReminder.objects.select_related("report", "conference"), deadline_reminder
)
register_email(
    "motion/amendments_reminder", DeadlineReminder.objects.select_related("report", "conference"), deadline_reminder
)
register_email(
    "motion/delegate_notice",
    NoticeDelivery.objects.select_related("notice", "pledge__conference"),
    delegate_notice,
)
