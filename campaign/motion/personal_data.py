"""What the motion app holds about an address, for the person's "your data" page (core.subscriptions).

A reporter's motion reports: their role and email, with where the motion
stands in the body they named; the conference steps they reported; a
delegate's pledges. Withdrawing entirely deletes them all, so a verified
report leaves the public list (with its steps) and a pledge the tallies.
"""

from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from core.subscriptions.holdings import Holding, register_personal_data

from .models.pathway import PathwayStep
from .models.pledges import DelegatePledge
from .models.reports import MotionReport


def reports_of(email):
    return MotionReport.objects.filter(email__iexact=(email or "").strip())


def steps_of(email):
    return PathwayStep.objects.filter(email__iexact=(email or "").strip()).select_related("report", "conference")


def pledges_of(email):
    return DelegatePledge.objects.filter(email__iexact=(email or "").strip()).select_related("body", "conference")


def shown(record, verified):
    return verified if record.is_verified else _("Not shown publicly")


def day(date):
    return date_format(date, "j F Y")


def yes_or_no(answer):
    return _("yes") if answer else _("no")


def describe(email):
    holdings = []
    for report in reports_of(email):
        lines = [
            _("Your role in it: %(role)s") % {"role": report.reporter_role},
            _("Where the motion stands: %(status)s (meeting on %(date)s)")
            % {"status": report.get_status_display(), "date": day(report.meeting_date)},
            _("Given on %(date)s") % {"date": day(report.created)},
            _("Reminders before conference deadlines: %(answer)s") % {"answer": yes_or_no(report.deadline_reminders)},
            _("Checked by an organiser and shown on the public list")
            if report.is_verified and report.has_passed
            else _("Not shown publicly"),
        ]
        heading = _("Your report on the motion at “%(body)s”") % {"body": report.body_name}
        holdings.append(Holding(heading=heading, lines=lines))
    for step in steps_of(email):
        lines = [
            _("Your role: %(role)s") % {"role": step.reporter_role},
            _("%(stage)s on %(date)s") % {"stage": step.get_stage_display(), "date": day(step.happened_on)},
            shown(step, _("Checked by an organiser and shown on the conference's board")),
        ]
        heading = _("Your news of the motion from “%(body)s” at %(conference)s") % {
            "body": step.report.body_name,
            "conference": step.conference,
        }
        holdings.append(Holding(heading=heading, lines=lines))
    for pledge in pledges_of(email):
        notices = pledge.notices and not pledge.notices_stopped_at
        lines = [
            _("Your name: %(name)s; your delegation: %(body)s") % {"name": pledge.delegate_name, "body": pledge.body},
            _("Notices in conference week: %(answer)s") % {"answer": yes_or_no(notices)},
            shown(pledge, _("Checked by an organiser and counted (your name is never shown)")),
        ]
        heading = _("Your pledge to support the motion at %(conference)s") % {"conference": pledge.conference}
        holdings.append(Holding(heading=heading, lines=lines))
    return holdings


def erase(email):
    steps_of(email).delete()
    pledges_of(email).delete()
    reports_of(email).delete()


register_personal_data(describe, erase)
