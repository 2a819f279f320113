"""The tracker's signed links (core.signed_links): confirming a report, answering "how did the meeting go?",
and the conference pathway's (at the end).

Both are bound to the report's address; an answer link also to the meeting
date it asks about, so after a postponement the old email's buttons no longer
apply. (A confirm link's empty date keeps the links already sent readable.)
"""

from core.signed_links import SignedLink

from .models.pathway import PathwayStep
from .models.pledges import DelegatePledge
from .models.reports import MotionReport


def _address(report):
    return [report.email.lower(), ""]


def _address_and_meeting(report):
    return [report.email.lower(), report.meeting_date.isoformat() if report.meeting_date else ""]


CONFIRM = SignedLink("motion.report.confirm", MotionReport.objects, _address, max_age=60 * 60 * 24 * 30)
ANSWER = SignedLink("motion.report.answer", MotionReport.objects, _address_and_meeting, max_age=60 * 60 * 24 * 60)

# The conference pathway (checking.py, reminders.py, notices.py): confirming a step or a pledge, and stopping
# the deadline reminders or the conference-week notices, each with one link bound to the address.
STEP_CONFIRM = SignedLink("motion.step.confirm", PathwayStep.objects, _address, max_age=60 * 60 * 24 * 30)
PLEDGE_CONFIRM = SignedLink("motion.pledge.confirm", DelegatePledge.objects, _address, max_age=60 * 60 * 24 * 30)
STOP_REMINDERS = SignedLink("motion.reminders.stop", MotionReport.objects, _address)
STOP_NOTICES = SignedLink("motion.notices.stop", DelegatePledge.objects, _address)
