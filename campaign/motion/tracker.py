"""What happens to a motion report: recorded, confirmed by its reporter, verified, answered after the meeting.

Emails are queued in the same transaction as the change they follow (core.emails).
"""

import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.emails import queue_email
from statements.models import Signature

from .models.reports import POSTPONED, MotionReport

logger = logging.getLogger(__name__)


def record(page, form, motion_url):
    """Save a new, unconfirmed report and email its confirmation link."""
    with transaction.atomic():
        report = form.save(commit=False)
        report.page = page
        report.save()
        queue_email("motion/report_confirm", report, motion_url=motion_url)
    logger.info("motion report recorded", extra={"status": report.status})
    return report


def confirm(report, motion_url):
    """The reporter pressed the button: the report waits for an organiser; True the first time."""
    with transaction.atomic():
        updated = MotionReport.objects.filter(pk=report.pk, email_confirmed_at__isnull=True).update(
            email_confirmed_at=timezone.now()
        )
        if updated:
            queue_email("motion/report_organisers", report, motion_url=motion_url)
    return bool(updated)


def matching_signature(report):
    """The body's own confirmed signature on a statement, matched by its name (case and spacing aside)."""
    name = " ".join(report.body_name.split())
    return (
        Signature.objects.confirmed()
        .filter(kind=Signature.Kind.ORGANISATION, show_publicly=True)
        .filter(Q(organisation__iexact=name))
        .order_by("-confirmed_at")
        .first()
    )


def verify(reports, user, verification):
    """Mark reports verified (the bulk action and the edit screen): they join the public list. Returns how many."""
    count = 0
    with transaction.atomic():
        for report in reports.select_for_update().filter(verified_at__isnull=True):
            report.verified_at = timezone.now()
            report.verified_by = user
            report.verification = verification
            report.signature = report.signature or matching_signature(report)
            report.save()
            count += 1
    return count


def answer(report, choice, new_date=None):
    """Apply a follow-up answer: an outcome, or a new date (asked about again after it)."""
    with transaction.atomic():
        locked = MotionReport.objects.select_for_update().get(pk=report.pk)
        if choice == POSTPONED:
            locked.meeting_date = new_date
            locked.status = MotionReport.Status.TABLED
        else:
            locked.status = choice
        if locked.signature_id is None and locked.is_verified:
            locked.signature = matching_signature(locked)
        locked.save()
    logger.info("motion report answered", extra={"answer": choice})
    return locked


def send_follow_ups(today=None):
    """Ask each reporter whose tabled meeting has passed how it went; once per meeting date. Returns how many."""
    today = today or timezone.localdate()
    sent = 0
    for report in MotionReport.objects.awaiting_follow_up(today).select_related("page"):
        with transaction.atomic():
            if MotionReport.objects.filter(pk=report.pk, followed_up_for=report.meeting_date).exists():
                continue
            MotionReport.objects.filter(pk=report.pk).update(followed_up_for=report.meeting_date)
            queue_email("motion/report_follow_up", report)  # the links use the site's own address
        sent += 1
    return sent


def passed_list(page=None):
    """The public list: verified bodies that passed the motion, grouped by region, then union, with dates."""
    reports = (
        MotionReport.objects.public()
        .select_related("union", "signature__page")
        .order_by("region", "union__name", "union_other", "-meeting_date", "body_name")
    )
    return list(reports)
