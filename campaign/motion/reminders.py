"""Reminders before a conference's deadline for motions, to those who reported their body passed the motion.

Only reporters who asked for them on the report form (`deadline_reminders`)
and confirmed their address; only for a conference that takes motions from
their kind of body (and union); not once their motion is reported submitted
there; within REMINDER_DAYS of the deadline, never after it; and once: a
DeadlineReminder row per report and conference, written in the email's
transaction, keeps a second run (or a second worker) from sending again.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.emails import queue_email

from .models.conferences import Conference
from .models.pathway import DeadlineReminder, PathwayStep
from .models.reports import MotionReport

REMINDER_DAYS = 14


def reports_to_remind(conference):
    """The verified, passed reports whose reporter asked to hear of this conference's deadline and has not yet."""
    body_types = [body_type for body_type, box in Conference.SOURCES.items() if getattr(conference, box)]
    reports = MotionReport.objects.public().filter(
        email_confirmed_at__isnull=False, deadline_reminders=True, body_type__in=body_types
    )
    if conference.body == Conference.Body.UNION:
        reports = reports.filter(union_id=conference.union_id)
    submitted = PathwayStep.objects.confirmed().filter(conference=conference, stage=PathwayStep.Stage.SUBMITTED)
    reminded = DeadlineReminder.objects.filter(conference=conference)
    return reports.exclude(pk__in=submitted.values("report_id")).exclude(pk__in=reminded.values("report_id"))


def send_deadline_reminders(today=None):
    """Email each reporter whose body's conference deadline for motions is near; once each. Returns how many."""
    today = today or timezone.localdate()
    soon = Conference.objects.filter(
        motions_deadline__gte=today, motions_deadline__lte=today + timedelta(REMINDER_DAYS)
    )
    sent = 0
    for conference in soon:
        for report in reports_to_remind(conference).order_by("pk"):
            try:
                with transaction.atomic():
                    reminder = DeadlineReminder.objects.create(
                        report=report, conference=conference, deadline=conference.motions_deadline
                    )
                    queue_email("motion/deadline_reminder", reminder)
            except IntegrityError:
                continue  # another run reminded them a moment ago
            sent += 1
    return sent


def stop_reminders(report):
    """The reminder's one-click stop: no more reminders for any report from that address."""
    MotionReport.objects.filter(email__iexact=report.email).update(deadline_reminders=False)
