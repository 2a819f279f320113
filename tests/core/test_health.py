"""/health/ shows the email queue: how many emails wait and how long the oldest has waited."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core import emails
from tests.core.task_queue import email_rows, run_worker, use_database_queue
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import PERSON

pytestmark = pytest.mark.django_db


def test_health_shows_an_empty_email_queue(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json()["email_queue"] == {"length": 0, "oldest_seconds": None}


def test_waiting_emails_are_counted_and_the_oldest_aged_and_the_site_stays_healthy(
    client, statement_page, site_settings, settings
):
    use_database_queue(settings)
    for number in range(3):
        client.post(f"{statement_page.url}sign/", {**PERSON, "email": f"queued-{number}@example.org"})
    email_rows().filter(pk=email_rows().order_by("enqueued_at").first().pk).update(
        enqueued_at=timezone.now() - timedelta(minutes=10)
    )
    # Neither a finished email nor another kind of task is waiting email.
    email_rows().filter(pk=email_rows().order_by("-enqueued_at").first().pk).update(status="SUCCESSFUL")
    DBTaskResult.objects.create(
        task_path="core.tasks.prune_finished_tasks",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now(),
        enqueued_at=timezone.now() - timedelta(days=1),
    )

    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    queue = response.json()["email_queue"]
    assert queue["length"] == 2
    assert 595 <= queue["oldest_seconds"] <= 660


def test_the_queue_empties_when_the_worker_sends(client, statement_page, site_settings, settings):
    use_database_queue(settings)
    client.post(f"{statement_page.url}sign/", PERSON)
    assert client.get("/health/").json()["email_queue"]["length"] == 1

    run_worker()

    assert client.get("/health/").json()["email_queue"] == {"length": 0, "oldest_seconds": None}


def test_a_running_email_is_still_waiting(client, statement_page, settings):
    use_database_queue(settings)
    signature = SignatureFactory(page=statement_page, unconfirmed=True)
    emails.queue_email("statements/confirm", signature, statement_url="http://testserver/statement/")
    email_rows().update(status="RUNNING", started_at=timezone.now())

    assert client.get("/health/").json()["email_queue"]["length"] == 1


def test_health_costs_the_same_few_queries_however_long_the_queue(client, statement_page, settings):
    use_database_queue(settings)
    signature = SignatureFactory(page=statement_page, unconfirmed=True)
    emails.queue_email("statements/confirm", signature, statement_url="http://testserver/statement/")
    with CaptureQueriesContext(connection) as short:
        client.get("/health/")
    for _ in range(30):
        emails.queue_email("statements/confirm", signature, statement_url="http://testserver/statement/")
    with CaptureQueriesContext(connection) as long:
        client.get("/health/")

    assert len(short) == len(long) <= 3


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SKIPPED EXPLAIN of /health/'s queue query: needs PostgreSQL"
)
def test_the_queue_query_reads_only_unfinished_rows_on_postgresql(client):
    """Finished rows stay for TASK_RESULT_DAYS: a probe every few seconds must not read them all."""
    now = timezone.now()
    DBTaskResult.objects.bulk_create(
        (
            DBTaskResult(
                task_path=emails.send_email.module_path,
                args_kwargs={"args": [], "kwargs": {}},
                backend_name="default",
                run_after=now,
                status="SUCCESSFUL" if number % 1000 else ("READY" if number % 2000 else "RUNNING"),
            )
            for number in range(20_000)
        ),
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {DBTaskResult._meta.db_table}")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/health/")

    assert response.json()["email_queue"]["length"] == 20
    [sql] = [query["sql"] for query in queries if DBTaskResult._meta.db_table in query["sql"]]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "core_waiting_tasks" in plan and "Seq Scan" not in plan, plan
