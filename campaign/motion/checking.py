"""A pathway step or a delegate's pledge: recorded, confirmed by its sender's link, verified by a second officer.

The same way as a motion report (tracker.py). Emails are queued in the
transaction of the change they follow (core.emails); a content_changed
signal tells cached pages a verification changed what the boards show.
"""

from django.db import transaction
from django.utils import timezone

from core.emails import queue_email
from core.publish_clock import content_changed

from .models.pathway import STAGE_RANK, PathwayStep


def record(form, confirm_template, **params):
    """Save a new, unconfirmed record and email its sender the link to confirm it."""
    with transaction.atomic():
        record = form.save()
        queue_email(confirm_template, record, **params)
    return record


def confirm(record, organisers_template, **params):
    """The sender pressed the button: the record waits for an organiser; True the first time."""
    with transaction.atomic():
        updated = (
            type(record)
            .objects.filter(pk=record.pk, email_confirmed_at__isnull=True)
            .update(email_confirmed_at=timezone.now())
        )
        if updated:
            queue_email(organisers_template, record, **params)
    return bool(updated)


def verify(records, user, verification):
    """Mark confirmed records verified; a step only once its submission is. Returns (verified, left waiting)."""
    done, left = 0, 0
    with transaction.atomic():
        waiting = list(records.select_for_update().filter(verified_at__isnull=True, email_confirmed_at__isnull=False))
        if waiting and isinstance(waiting[0], PathwayStep):
            waiting.sort(key=lambda step: STAGE_RANK[step.stage])
        for record in waiting:
            if isinstance(record, PathwayStep) and not can_be_verified(record):
                left += 1
                continue
            record.verified_at = timezone.now()
            record.verified_by = user
            record.verification = verification
            record.save()
            done += 1
        if done:
            content_changed.send(sender=type(waiting[0]))
    return done, left


def can_be_verified(step):
    """Not a stage already verified; after the submission, only once the submission is (the board skips nothing)."""
    verified = PathwayStep.objects.verified().filter(report_id=step.report_id, conference_id=step.conference_id)
    if verified.filter(stage=step.stage).exists():
        return False
    return step.stage == PathwayStep.Stage.SUBMITTED or verified.filter(stage=PathwayStep.Stage.SUBMITTED).exists()
