"""The events app's scheduled jobs (core.schedule): reminders, the nightly recount, and the RSVP purge."""

from django_tasks import task

from core.schedule import scheduled

from . import attendance, recounting, rsvp_retention


@scheduled("15 * * * *")
@task()
def send_rsvp_reminders():
    """Remind everyone going to an event that starts within a day; each person once (see attendance.remind_due)."""
    attendance.remind_due()


@scheduled("45 3 * * *")
@task()
def recount_rsvps():
    """Recompute the kept RSVP counts from the RSVPs themselves, repairing any drift."""
    recounting.recount()


@scheduled("35 * * * *")
@task()
def purge_rsvps():
    """Remove what RSVPs hold once it is no longer needed: past attendees' details, expired requests."""
    rsvp_retention.forget_past_attendees()
    rsvp_retention.purge_expired_requests()
