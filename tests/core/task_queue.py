"""The production email queue in tests: django-tasks-db's database backend and the project's worker.

Tests switch to it with `use_database_queue(settings)`, act, then read what
the queue keeps (`queued_text`) or let the worker send (`run_worker`).
"""

import json

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME
from django_tasks_db.models import DBTaskResult

from core.emails import send_email
from core.task_worker import TaskWorker, run_task


def use_database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def email_rows():
    return DBTaskResult.objects.filter(task_path=send_email.module_path)


def queued_text():
    """Everything the queue's email rows hold (arguments, results, tracebacks), as one string to search."""
    rows = email_rows().values("args_kwargs", "return_value", "exception_class_path", "traceback")
    return json.dumps(list(rows), default=str)


def run_worker():
    """What a worker of `manage.py run_workers` does in production, once over everything that is due.

    Task by task as core.task_worker takes and runs them, without its loop's
    closing of old database connections between rounds, which would close the
    test's own connection inside its transaction on PostgreSQL.
    """
    worker = TaskWorker("test-worker", [DEFAULT_TASK_QUEUE_NAME], DEFAULT_TASK_BACKEND_ALIAS, interval=0, stopping=None)
    while (task := worker.take()) is not None:
        run_task(task)
