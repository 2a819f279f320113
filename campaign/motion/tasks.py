"""The motion app's scheduled job (core.schedule): asking reporters how their meeting went.

Every morning, each reporter whose tabled meeting was the day before (or
earlier, if the scheduler was down) gets one email per meeting date with
one-click answers (tracker.send_follow_ups).
"""

from django_tasks import task

from core.schedule import scheduled

from . import tracker


@scheduled("0 9 * * *")
@task()
def follow_up_motion_reports():
    """Email "how did the meeting go?" to reporters whose tabled meeting has passed."""
    return tracker.send_follow_ups()
