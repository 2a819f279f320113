"""What the motion app holds about an address, for the person's "your data" page (core.subscriptions).

A reporter's motion reports: their role and email, with where the motion
stands in the body they named; the conference steps they reported; a
delegate's pledges. Withdrawing entirely deletes them all, so a verified
report leaves the public list (with its steps) and a pledge the tallies.
"""

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


def shown(record, what):
    return f"Checked by an organiser and {what}" if record.is_verified else "Not shown publicly"


def describe(email):
    holdings = []
    for report in reports_of(email):
        lines = [
            f"Your role in it: {report.reporter_role}",
            f"Where the motion stands: {report.get_status_display()} (meeting on {report.meeting_date:%-d %B %Y})",
            f"Given on {report.created:%-d %B %Y}",
            "Reminders before conference deadlines: " + ("yes" if report.deadline_reminders else "no"),
            "Checked by an organiser and shown on the public list"
            if report.is_verified and report.has_passed
            else "Not shown publicly",
        ]
        holdings.append(Holding(heading=f"Your report on the motion at “{report.body_name}”", lines=lines))
    for step in steps_of(email):
        lines = [
            f"Your role: {step.reporter_role}",
            f"{step.get_stage_display()} on {step.happened_on:%-d %B %Y}",
            shown(step, "shown on the conference's board"),
        ]
        heading = f"Your news of the motion from “{step.report.body_name}” at {step.conference}"
        holdings.append(Holding(heading=heading, lines=lines))
    for pledge in pledges_of(email):
        lines = [
            f"Your name: {pledge.delegate_name}; your delegation: {pledge.body}",
            "Notices in conference week: " + ("yes" if pledge.notices and not pledge.notices_stopped_at else "no"),
            shown(pledge, "counted (your name is never shown)"),
        ]
        holdings.append(Holding(heading=f"Your pledge to support the motion at {pledge.conference}", lines=lines))
    return holdings


def erase(email):
    steps_of(email).delete()
    pledges_of(email).delete()
    reports_of(email).delete()


register_personal_data(describe, erase)
