"""The events app's scheduled jobs (core.schedule): the day-before reminders and the nightly recount of RSVPs."""

from django_tasks import task

from core.schedule import scheduled

from . import rsvping


@scheduled("15 * * * *")
@task()
def send_rsvp_reminders():
    """Remind everyone going to an event that starts within a day; each person once (see rsvping.remind_due)."""
    rsvping.remind_due()


@scheduled("45 3 * * *")
@task()
def recount_rsvps():
    """Recompute the kept RSVP counts from the RSVPs themselves, repairing any drift."""
    rsvping.recount()
