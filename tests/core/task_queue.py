"""The production email queue in tests: django-tasks-db's database backend and its worker.

Tests switch to it with `use_database_queue(settings)`, act, then read what
the queue keeps (`queued_text`) or let the worker send (`run_worker`).
"""

import json
from unittest import mock

from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from core.emails import send_email


def use_database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def email_rows():
    return DBTaskResult.objects.filter(task_path=send_email.module_path)


def queued_text():
    """Everything the queue's email rows hold (arguments, results, tracebacks), as one string to search."""
    rows = email_rows().values("args_kwargs", "return_value", "exception_class_path", "traceback")
    return json.dumps(list(rows), default=str)


def run_worker():
    """What `manage.py db_worker` does in production, once over everything that is due.

    The worker closes "old" database connections between tasks, which closes
    a connection inside a transaction: the test's own, on PostgreSQL. Here
    it keeps it.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
