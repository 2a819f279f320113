"""An index of the email queue's unfinished rows, for /health/ (core/health.py: email_queue).

django-tasks-db indexes only its READY rows; /health/ also counts RUNNING
ones, and without this index each probe of the load balancer would read every
finished row kept for TASK_RESULT_DAYS (a million after a surge). The table
belongs to django-tasks-db, so no model of ours can declare the index: it is
declared here as a Django Index and made by the migration's schema editor on
the library's model (no SQL of ours); it changes no model state.
tests/core/test_health.py (the queue query on PostgreSQL) checks it is used.
"""

from django.db import migrations, models

WAITING_TASKS = models.Index(
    fields=["task_path", "enqueued_at"],
    condition=models.Q(status__in=["READY", "RUNNING"]),
    name="core_waiting_tasks",
)


def add_index(apps, schema_editor):
    schema_editor.add_index(apps.get_model("django_tasks_database", "DBTaskResult"), WAITING_TASKS)


def remove_index(apps, schema_editor):
    schema_editor.remove_index(apps.get_model("django_tasks_database", "DBTaskResult"), WAITING_TASKS)


class Migration(migrations.Migration):
    dependencies = [("django_tasks_database", "0021_conditional_partial_index_ordering")]

    operations = [migrations.RunPython(add_index, remove_index)]
