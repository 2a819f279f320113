"""What the motion app holds about an address, for the person's "your data" page (core.subscriptions).

A reporter's motion reports: their role and email, with where the motion
stands in the body they named. Withdrawing entirely deletes the reports, so
a verified one leaves the public list with them.
"""

from core.subscriptions.holdings import Holding, register_personal_data

from .models.reports import MotionReport


def reports_of(email):
    return MotionReport.objects.filter(email__iexact=(email or "").strip())


def describe(email):
    holdings = []
    for report in reports_of(email):
        lines = [
            f"Your role in it: {report.reporter_role}",
            f"Where the motion stands: {report.get_status_display()} (meeting on {report.meeting_date:%-d %B %Y})",
            f"Given on {report.created:%-d %B %Y}",
            "Checked by an organiser and shown on the public list"
            if report.is_verified and report.has_passed
            else "Not shown publicly",
        ]
        holdings.append(Holding(heading=f"Your report on the motion at “{report.body_name}”", lines=lines))
    return holdings


def erase(email):
    reports_of(email).delete()


register_personal_data(describe, erase)
