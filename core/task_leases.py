"""Leases on running tasks: a worker process that stops renewing its lease gives back the tasks it held.

django-tasks-db never takes back a RUNNING task, so a killed worker's email would never go. Each
run_workers process renews a heartbeat row and puts back to READY tasks held by processes whose lease
lapsed; a task taken MAX_CLAIMS times is failed instead. This writes only through django-tasks-db's public
model, never SQL; tests/core/test_task_leases.py fails if that model changes.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

MAX_CLAIMS = 3


class WorkerHeartbeat(models.Model):
    """The last time one run_workers process said it was alive; its workers' ids are `<process>-<number>`."""

    process = models.CharField(max_length=64, primary_key=True)
    beat_at = models.DateTimeField()

    def __str__(self):
        return f"{self.process} at {self.beat_at:%H:%M:%S}"


class AbandonedTask(Exception):
    """Stored as a task's failure when every worker that took it died before it ended."""


def lease():
    return timedelta(seconds=settings.TASK_LEASE_SECONDS)


def renew_every():
    """Seconds between renewals: a lease survives three missed ones (a slow query, a busy machine)."""
    return settings.TASK_LEASE_SECONDS / 4


def worker_id(process, number):
    return f"{process}-{number}"


def holder(worker_ids):
    """The process whose worker took the task last (worker ids are `<process>-<number>`)."""
    return worker_ids[-1].rsplit("-", 1)[0] if worker_ids else None


def renew(process):
    if not WorkerHeartbeat.objects.filter(process=process).update(beat_at=timezone.now()):
        WorkerHeartbeat.objects.create(process=process, beat_at=timezone.now())


def release(process):
    """A process that stops cleanly has finished its tasks: it gives up its lease at once."""
    WorkerHeartbeat.objects.filter(process=process).delete()


def requeue_abandoned():
    """Give back every task held by a process whose lease has lapsed; how many were given back."""
    cutoff = timezone.now() - lease()
    alive = set(WorkerHeartbeat.objects.filter(beat_at__gte=cutoff).values_list("process", flat=True))
    running = DBTaskResult.objects.running().filter(started_at__lt=cutoff).order_by()
    given_back = sum(
        give_back(pk, started_at)
        for pk, started_at, worker_ids in running.values_list("pk", "started_at", "worker_ids")
        if holder(worker_ids) not in alive
    )
    WorkerHeartbeat.objects.filter(beat_at__lt=cutoff).delete()
    return given_back


def give_back(pk, started_at):
    """Put one abandoned task back in the queue (or fail it); False if someone else got there first.

    `started_at` is when the dead worker took it: a task taken again since then is not touched.
    """
    with transaction.atomic():
        task = DBTaskResult.objects.filter(pk=pk, status=TaskResultStatus.RUNNING, started_at=started_at).get_locked()
        if task is None:
            return False
        if len(task.worker_ids) >= MAX_CLAIMS:
            task.set_failed(AbandonedTask(f"taken {len(task.worker_ids)} times; each worker died before it ended"))
            logger.error("task failed: every worker that took it died", extra={"task": str(pk)})
        else:
            task.status = TaskResultStatus.READY
            task.save(update_fields=["status"])
            logger.warning("task given back to the queue: its worker died", extra={"task": str(pk)})
    return True
