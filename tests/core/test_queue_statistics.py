"""The worker keeps the task queue's planner statistics fresh, so taking a task stays cheap in a surge.

PostgreSQL only (the statistics and the plan are its own); skipped elsewhere.
Real commits: PostgreSQL counts a table's changes only as transactions end.
"""

import logging
import os
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core import queue_statistics
from core.management.commands import run_workers
from tests.concurrency import stop_when

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.postgres]


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("SKIPPED the task queue's statistics: needs PostgreSQL (set DATABASE_URL)")


def add_tasks(count, status):
    now = timezone.now()
    DBTaskResult.objects.bulk_create(
        DBTaskResult(
            status=status,
            task_path="core.emails.send_email",
            args_kwargs={"args": [], "kwargs": {}},
            backend_name="default",
            run_after=now,
            enqueued_at=now - timedelta(milliseconds=number),
        )
        for number in range(count)
    )


def flush_table_counts():
    """Make this connection report its table counts now, not within the next second or so."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_force_next_flush()")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")  # the report goes out as this transaction ends


def claim_plan():
    """The plan of the query a worker takes its next task with (django_tasks_db's Worker.run)."""
    tasks = DBTaskResult.objects.ready().filter(backend_name="default", queue_name__in=["default"])
    with transaction.atomic():
        return tasks.select_for_update(skip_locked=True)[:1].explain()


@pytest.fixture
def surge():
    """3,000 emails queued since the table's statistics were last taken (if ever)."""
    add_tasks(3000, "READY")
    flush_table_counts()


def test_stale_statistics_are_refreshed_so_a_claim_walks_the_index(surge):
    assert queue_statistics.refresh() is True

    assert queue_statistics.rows_changed_since_analyze() == 0
    plan = claim_plan()
    assert "Index Scan using tasks_db_new_ordering_idx" in plan
    assert "Sort" not in plan


def test_fresh_statistics_are_left_alone(surge):
    assert queue_statistics.refresh() is True
    add_tasks(queue_statistics.STALE_AFTER - 10, "READY")
    flush_table_counts()

    assert queue_statistics.refresh() is False


def test_the_procfile_worker_refreshes_them_as_it_starts(surge, caplog):
    """run_workers checks the statistics before its workers take their first task, then every CHECK_EVERY.

    Its worker serves another queue here, so it changes none of these rows while the test reads the counts.
    """
    watcher = stop_when(lambda: queue_statistics.rows_changed_since_analyze() == 0, timeout=15)
    with caplog.at_level(logging.INFO, logger=run_workers.__name__):
        call_command(
            "run_workers",
            threads=1,
            interval=0.1,
            queue_name="elsewhere",
            stdout=open(os.devnull, "w"),  # noqa: SIM115
        )
    watcher.join()

    assert "task queue analyzed" in caplog.text
    assert queue_statistics.rows_changed_since_analyze() == 0
