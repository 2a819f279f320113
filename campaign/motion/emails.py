"""The emails about a speaker invitation, built when they are sent from it (see core.emails).

The acknowledgement to the person says only what the site itself words (the
reference and whether in person or online). Anyone can type anyone's address
into the form, so it never repeats what they typed; the organisers' email,
to the campaign's own address, has it all.
"""

from urllib.parse import urlencode

from django.utils.translation import gettext

from core.emails import Email, register_email
from core.notify import modeladmin_url, organiser_addresses
from core.request_emails import register_status_email, to_organisers
from core.subscriptions.tokens import your_data_url

from . import pathway_emails  # noqa: F401  registers the conference pathway's emails
from .models.reports import FOLLOW_UP_ANSWERS, MotionReport
from .models.speakers import SPEAKER_REQUEST_FIELDS, SpeakerRequest
from .tokens import ANSWER, CONFIRM


def received(speaker_request, site=None):
    context = {"reference": speaker_request.pk, "format": gettext(speaker_request.get_format_display())}
    return Email(to=[speaker_request.email], context=context)


def for_organisers(speaker_request, site=None):
    details = {name: getattr(speaker_request, name) for name in SPEAKER_REQUEST_FIELDS}
    return to_organisers(speaker_request, site, **details | {"format": speaker_request.get_format_display()})


def report_page_url(report, motion_url=None):
    """The motion page's address, as the visitor reached it or (for the scheduled follow-up) the site's own."""
    return motion_url or (report.page.get_full_url() if report.page else "")


def report_confirm(report, motion_url=None):
    """The link to confirm a report. Like the signing email, it never repeats the body's name that was typed."""
    url = report_page_url(report, motion_url)
    confirm_url = f"{url}report/confirm/?" + urlencode({"token": CONFIRM.make(report)})
    context = {
        "confirm_url": confirm_url,
        "status": gettext(report.get_status_display()),
        "your_data_url": your_data_url(report.email, url),  # where the reporter sees and withdraws their reports
    }
    return Email(to=[report.email], context=context)


def report_for_organisers(report, motion_url=None):
    context = {
        "report": report,
        "status": report.get_status_display(),
        "admin_url": modeladmin_url(report),
    }
    return Email(to=organiser_addresses(), context=context, reply_to=[report.email])


def report_follow_up(report, motion_url=None):
    """ "How did the meeting go?": one link per answer, each opening a page with a button (scanners change nothing)."""
    url = report_page_url(report, motion_url)
    token = ANSWER.make(report)
    answers = [
        (gettext(label), f"{url}report/answer/?" + urlencode({"token": token, "answer": value}))
        for value, label in FOLLOW_UP_ANSWERS
    ]
    context = {
        "body_name": report.body_name,
        "meeting_date": report.meeting_date,
        "answers": answers,
        "your_data_url": your_data_url(report.email, url),
    }
    return Email(to=[report.email], context=context)


# Registered when core autodiscovers each app's emails module, once the models are loaded.
register_email("motion/speaker_received", SpeakerRequest, received)
register_email("motion/speaker_organisers", SpeakerRequest, for_organisers, for_organisers=True)
register_status_email(SpeakerRequest)
register_email("motion/report_confirm", MotionReport, report_confirm)
register_email(
    "motion/report_organisers",
    MotionReport.objects.select_related("union"),
    report_for_organisers,
    for_organisers=True,
)
register_email("motion/report_follow_up", MotionReport.objects.select_related("page"), report_follow_up)
