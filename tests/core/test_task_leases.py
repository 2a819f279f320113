"""Tasks a dead worker held go back to the queue once its lease lapses; a live worker's are left alone.

These also pin what core/task_leases.py and core/task_worker.py rely on in
django-tasks-db's public model (ready(), running(), get_locked(), claim(),
status, started_at, worker_ids, set_failed()): they fail if the library changes it.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core import task_leases
from core.emails import queue_email
from core.models import WorkerHeartbeat
from core.task_worker import TaskWorker, run_task
from tests.core.task_queue import email_rows, use_database_queue
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued_email(settings, statement_page):
    use_database_queue(settings)
    settings.TASK_LEASE_SECONDS = 60
    queue_email("statements/confirm", SignatureFactory(page=statement_page), statement_url="https://example.org/")
    return email_rows().get()


def take(process):
    """One worker of `process` takes the next task, as run_workers' threads do (None if none is due)."""
    return TaskWorker(task_leases.worker_id(process, 0), ["default"], "default", 0, stopping=None).take()


def beat(process, seconds_ago):
    WorkerHeartbeat.objects.update_or_create(
        process=process, defaults={"beat_at": timezone.now() - timedelta(seconds=seconds_ago)}
    )


def started(task, seconds_ago):
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=timezone.now() - timedelta(seconds=seconds_ago))


def test_a_task_held_by_a_worker_whose_lease_lapsed_is_taken_again_and_sent(queued_email, mailoutbox):
    beat("dead", seconds_ago=0)
    task = take("dead")
    assert (task.status, task.worker_ids) == (TaskResultStatus.RUNNING, ["dead-0"])
    assert take("alive") is None  # a running task is nobody else's

    beat("dead", seconds_ago=61)
    started(task, seconds_ago=61)
    assert task_leases.requeue_abandoned() == 1

    again = take("alive")
    assert again.pk == task.pk and again.worker_ids == ["dead-0", "alive-0"]
    run_task(again)
    again.refresh_from_db()
    assert again.status == TaskResultStatus.SUCCESSFUL
    assert len(mailoutbox) == 1
    assert not WorkerHeartbeat.objects.filter(process="dead").exists()  # forgotten once its tasks went back


def test_a_live_workers_long_task_is_left_alone(queued_email):
    beat("busy", seconds_ago=0)
    task = take("busy")
    started(task, seconds_ago=600)

    assert task_leases.requeue_abandoned() == 0
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING


def test_a_task_whose_worker_just_took_it_is_not_taken_for_abandoned(queued_email):
    """A worker from before leases (no heartbeat at all) is given its lease's time too."""
    task = take("unknown")
    assert task_leases.requeue_abandoned() == 0
    started(task, seconds_ago=61)
    assert task_leases.requeue_abandoned() == 1


def test_a_task_that_took_down_every_worker_that_ran_it_fails_instead_of_looping(queued_email):
    for number in range(task_leases.MAX_CLAIMS):
        task = take(f"doomed{number}")
        started(task, seconds_ago=61)
        task_leases.requeue_abandoned()

    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "core.task_leases.AbandonedTask"
    assert take("next") is None


def test_a_clean_stop_gives_up_the_lease(queued_email):
    task_leases.renew("leaving")
    assert WorkerHeartbeat.objects.filter(process="leaving").exists()
    task_leases.release("leaving")
    assert not WorkerHeartbeat.objects.filter(process="leaving").exists()
