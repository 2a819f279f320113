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
from django.db import close_old_connections
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


def enqueue(task):
    """Queue one run of `task` from a scheduler thread, on a database connection that is fresh.

    The scheduler lives for weeks; a connection that a database restart or a
    failover broke would otherwise fail every enqueue until the process restarts.
    """
    close_old_connections()
    try:
        task.enqueue()
    finally:
        close_old_connections()


def build_scheduler():
    """An APScheduler that enqueues every job at its times, in the site's TIME_ZONE.

    The timetable is kept in memory: a job whose time passes while the
    scheduler is down waits for its next time (every job is safe to run late:
    the purges delete all that is past its age, the recount repairs all).
    A job held up while the process is busy still runs, once, within an hour.
    """
    scheduler = BlockingScheduler(timezone=settings.TIME_ZONE)
    for path, (task, crontab) in scheduled_jobs().items():
        scheduler.add_job(
            enqueue,
            CronTrigger.from_crontab(crontab, timezone=settings.TIME_ZONE),
            args=[task],
            id=path,
            name=path,
            coalesce=True,
            misfire_grace_time=60 * 60,
        )
    return scheduler
