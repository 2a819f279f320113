"""Reminders before a conference's deadlines, for motions and for amendments, to those who reported their body
passed the motion.

Only reporters who asked for them on the report form (`deadline_reminders`)
and confirmed their address; only for a conference that takes motions from
their kind of body (and union); within REMINDER_DAYS of the deadline, never
after it; and once per deadline: a DeadlineReminder row per report,
conference and deadline, written in the email's transaction, keeps a second
run (or a second worker) from sending again. The motions reminder stops once
their motion is reported submitted there; the amendments one does not (a body
whose motion went in may still amend the others, or the composite).
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.emails import queue_email

from .models.conferences import Conference
from .models.pathway import DeadlineReminder, PathwayStep
from .models.reports import MotionReport

REMINDER_DAYS = 14
Deadline = DeadlineReminder.Deadline
# Which deadline: (the conference's field, the email's template).
DEADLINES = {
    Deadline.MOTIONS: ("motions_deadline", "motion/deadline_reminder"),
    Deadline.AMENDMENTS: ("amendments_deadline", "motion/amendments_reminder"),
}


def reports_to_remind(conference, kind=Deadline.MOTIONS):
    """The verified, passed reports whose reporter asked to hear of this conference's deadline and has not yet."""
    body_types = [body_type for body_type, box in Conference.SOURCES.items() if getattr(conference, box)]
    reports = MotionReport.objects.public().filter(
        email_confirmed_at__isnull=False, deadline_reminders=True, body_type__in=body_types
    )
    if conference.body == Conference.Body.UNION:
        reports = reports.filter(union_id=conference.union_id)
    if kind == Deadline.MOTIONS:
        submitted = PathwayStep.objects.confirmed().filter(conference=conference, stage=PathwayStep.Stage.SUBMITTED)
        reports = reports.exclude(pk__in=submitted.values("report_id"))
    reminded = DeadlineReminder.objects.filter(conference=conference, kind=kind)
    return reports.exclude(pk__in=reminded.values("report_id"))


def send_deadline_reminders(today=None):
    """Email each reporter whose body's conference deadline (motions, amendments) is near; once each. How many."""
    today = today or timezone.localdate()
    sent = 0
    for kind, (field, template) in DEADLINES.items():
        soon = Conference.objects.filter(**{f"{field}__gte": today, f"{field}__lte": today + timedelta(REMINDER_DAYS)})
        for conference in soon:
            for report in reports_to_remind(conference, kind).order_by("pk"):
                try:
                    with transaction.atomic():
                        reminder = DeadlineReminder.objects.create(
                            report=report, conference=conference, kind=kind, deadline=getattr(conference, field)
                        )
                        queue_email(template, reminder)
                except IntegrityError:
                    continue  # another run reminded them a moment ago
                sent += 1
    return sent


def stop_reminders(report):
    """The reminder's one-click stop: no more reminders for any report from that address."""
    MotionReport.objects.filter(email__iexact=report.email).update(deadline_reminders=False)
