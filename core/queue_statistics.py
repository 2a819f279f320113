"""Planner statistics for the task queue's table, kept by the worker that drains it.

A worker takes its next task with django-tasks-db's query: the first READY row
in the order of the queue's partial index, LIMIT 1 FOR UPDATE SKIP LOCKED.
With statistics, PostgreSQL answers it by walking that index. A table never
analyzed has none, and then the planner reads and sorts every READY row for
every task it hands out, so the emails a second fall as a surge's queue grows
(bench/RESULTS.md). That is the state of the table wherever autovacuum is off;
where it is on, it analyzes the table only after 50 changes plus a tenth of
its rows, at its next round.

So the worker (run_workers) calls `refresh` as it starts and every
CHECK_EVERY seconds after: when more than STALE_AFTER rows of the queue have
changed since its last ANALYZE, it analyzes the table. ANALYZE reads a sample
of fixed size (at most 30,000 rows by default), so it costs no more on a
large table than on a small one.
"""

from django.db import connection
from django_tasks_db.models import DBTaskResult

STALE_AFTER = 500  # rows inserted, updated or deleted since the last ANALYZE
CHECK_EVERY = 30  # seconds


def rows_changed_since_analyze():
    """Rows of the queue changed since PostgreSQL last analyzed it, as its statistics views count them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relid = %s::regclass",
            [DBTaskResult._meta.db_table],
        )
        row = cursor.fetchone()
    return row[0] if row else 0


def refresh():
    """ANALYZE the queue's table when its statistics are stale; True if it did. Only on PostgreSQL."""
    if connection.vendor != "postgresql" or rows_changed_since_analyze() <= STALE_AFTER:
        return False
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(DBTaskResult._meta.db_table)}")
    return True
