"""core's scheduled jobs: forget finished background tasks, and consents never confirmed.

A queued email's task row holds only ids (core/emails.py), but the queue
need not grow for ever: finished rows (sent or failed for good) are kept
TASK_RESULT_DAYS for organisers to look into failures, then pruned by
django-tasks-db's own `prune_db_task_results`, on every database queue; the
records of those emails' sends (core/email_sends.py) go with them.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks_db import DatabaseBackend

from core import email_sends
from core.schedule import scheduled
from core.subscriptions.consent import forget_unconfirmed


@scheduled("45 3 * * *")
@task()
def prune_finished_tasks():
    for backend in task_backends.all():
        if isinstance(backend, DatabaseBackend):
            call_command(
                "prune_db_task_results",
                f"--backend={backend.alias}",
                "--queue-name=*",
                f"--min-age-days={settings.TASK_RESULT_DAYS}",
            )
    email_sends.forget_older_than(timezone.now() - timedelta(days=settings.TASK_RESULT_DAYS))


@scheduled("15 3 * * *")
@task()
def purge_unconfirmed_consents():
    """Consents whose emailed link was never followed (it expires after 30 days), and addresses left with none."""
    forget_unconfirmed()
