"""The motion app's scheduled jobs (core.schedule): asking reporters how their meeting went, and reminding
them of conference deadlines.

Every morning, each reporter whose tabled meeting was the day before (or
earlier, if the scheduler was down) gets one email per meeting date with
one-click answers (tracker.send_follow_ups); and each reporter who asked for
it hears, once, that a conference's deadline for motions is near
(reminders.send_deadline_reminders), and again before its deadline for amendments.
"""

from django_tasks import task

from core.schedule import scheduled

from . import reminders, tracker


@scheduled("0 9 * * *")
@task()
def follow_up_motion_reports():
    """Email "how did the meeting go?" to reporters whose tabled meeting has passed."""
    return tracker.send_follow_ups()


@scheduled("30 9 * * *")
@task()
def remind_of_conference_deadlines():
    """Email reporters who asked for it before a conference's deadline for motions that applies to their body."""
    return reminders.send_deadline_reminders()
