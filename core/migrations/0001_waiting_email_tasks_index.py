"""An index of the email queue's unfinished rows, for /health/ (core/health.py: email_queue).

django-tasks-db indexes only its READY rows; /health/ also counts RUNNING
ones, and without this index each probe of the load balancer would read every
finished row kept for TASK_RESULT_DAYS (a million after a surge). The table
belongs to django-tasks-db, so the index is plain SQL (PostgreSQL and SQLite
both take a partial index): it changes no model state.
"""

from django.db import migrations

INDEX = "core_waiting_tasks"
TABLE = "django_tasks_database_dbtaskresult"


class Migration(migrations.Migration):
    dependencies = [("django_tasks_database", "0021_conditional_partial_index_ordering")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON {TABLE} (task_path, enqueued_at) WHERE status IN ('READY', 'RUNNING')",
            reverse_sql=f"DROP INDEX {INDEX}",
        )
    ]
