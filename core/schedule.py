"""Jobs that run on a timetable, with nobody at the keyboard.

Each app declares its own jobs in its `tasks.py`: a django-tasks task marked
`@scheduled("<cron expression>")`, e.g. statements/tasks.py and core/tasks.py.
One scheduler process (`manage.py run_scheduler`, the Procfile's `scheduler`)
finds them and, with APScheduler, enqueues each at its times; the task worker
runs them like any other task. (django-crontask does this for Django's task
framework but needs Python 3.12 or later; this site runs on 3.11.)
"""

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from django.conf import settings
from django.utils.module_loading import autodiscover_modules

_registered = {}  # a task's dotted path: (the task, its cron expression)


def scheduled(crontab):
    """Register a task to be enqueued on the cron timetable `crontab` (checked now, at import)."""
    CronTrigger.from_crontab(crontab)

    def register(task):
        _registered[task.module_path] = (task, crontab)
        return task

    return register


def scheduled_jobs():
    """Every app's jobs, by the task's dotted path: {path: (task, crontab)}."""
    autodiscover_modules("tasks")
    return dict(_registered)


def build_scheduler():
    """An APScheduler that enqueues every job at its times, in the site's TIME_ZONE.

    A job missed while the scheduler was down runs once when it comes back
    (within a day), never once per missed time.
    """
    scheduler = BlockingScheduler(timezone=settings.TIME_ZONE)
    for path, (task, crontab) in scheduled_jobs().items():
        scheduler.add_job(
            task.enqueue,
            CronTrigger.from_crontab(crontab, timezone=settings.TIME_ZONE),
            id=path,
            name=path,
            coalesce=True,
            misfire_grace_time=24 * 60 * 60,
        )
    return scheduler
