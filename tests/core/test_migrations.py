"""The migrations describe the models exactly: a model change without its migration fails here, not on deploy."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    output = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=output, stderr=output)
    except SystemExit:
        pytest.fail(f"makemigrations would make new migrations:\n{output.getvalue()}")


@pytest.mark.django_db
def test_the_queue_index_core_adds_to_django_tasks_dbs_table_is_there():
    """core's migration 0001 adds it to a table another library owns; test_health.py shows /health/ uses it."""
    table = DBTaskResult._meta.db_table
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    assert constraints["core_waiting_tasks"]["columns"] == ["task_path", "enqueued_at"]
    assert constraints["core_waiting_tasks"]["index"]
