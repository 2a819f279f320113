"""/health/: its status to anyone; its checks and the email queue (how many emails wait, how long the oldest
has waited) to staff and to a request carrying HEALTH_TOKEN."""

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

TOKEN = "a-long-random-health-token"


@pytest.fixture(autouse=True)
def health_token(settings):
    settings.HEALTH_TOKEN = TOKEN


def details(client, token=TOKEN):
    return client.get("/health/", headers={"Authorization": f"Bearer {token}"})


def test_health_shows_an_empty_email_queue(client):
    response = details(client)

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

    response = details(client)

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    queue = response.json()["email_queue"]
    assert queue["length"] == 2
    assert 595 <= queue["oldest_seconds"] <= 660


def test_the_queue_empties_when_the_worker_sends(client, statement_page, site_settings, settings):
    use_database_queue(settings)
    client.post(f"{statement_page.url}sign/", PERSON)
    assert details(client).json()["email_queue"]["length"] == 1

    run_worker()

    assert details(client).json()["email_queue"] == {"length": 0, "oldest_seconds": None}


def test_a_running_email_is_still_waiting(client, statement_page, settings):
    use_database_queue(settings)
    signature = SignatureFactory(page=statement_page, unconfirmed=True)
    emails.queue_email("statements/confirm", signature, statement_url="http://testserver/statement/")
    email_rows().update(status="RUNNING", started_at=timezone.now())

    assert details(client).json()["email_queue"]["length"] == 1


def test_health_costs_the_same_few_queries_however_long_the_queue(client, statement_page, settings):
    use_database_queue(settings)
    signature = SignatureFactory(page=statement_page, unconfirmed=True)
    emails.queue_email("statements/confirm", signature, statement_url="http://testserver/statement/")
    with CaptureQueriesContext(connection) as short:
        details(client)
    for _ in range(30):
        emails.queue_email("statements/confirm", signature, statement_url="http://testserver/statement/")
    with CaptureQueriesContext(connection) as long:
        details(client)

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
        response = details(client)

    assert response.json()["email_queue"]["length"] == 20
    [sql] = [query["sql"] for query in queries if DBTaskResult._meta.db_table in query["sql"]]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "core_waiting_tasks" in plan and "Seq Scan" not in plan, plan


def test_anyone_sees_only_the_status(client, statement_page, settings):
    """How long the queue is tells a stranger how a campaign is doing, and when its worker is down."""
    use_database_queue(settings)
    signature = SignatureFactory(page=statement_page, unconfirmed=True)
    emails.queue_email("statements/confirm", signature, statement_url="http://testserver/statement/")

    for response in (client.get("/health/"), details(client, token="a-guess"), details(client, token="")):
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}
    assert details(client).json()["email_queue"]["length"] == 1


def test_no_token_is_accepted_when_none_is_set(client, settings):
    settings.HEALTH_TOKEN = ""
    assert details(client, token="").json() == {"status": "ok"}


def test_staff_see_the_checks_and_the_queue(admin_client):
    assert admin_client.get("/health/").json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "email_queue": {"length": 0, "oldest_seconds": None},
    }


def test_a_cache_that_does_not_work_is_reported_but_keeps_the_server_in_the_load_balancer(client, settings):
    """The cache is shared by every server and each can serve without it: a 503 would take them all out at once."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    response = details(client)

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"] == "down" and response.json()["database"] == "ok"
    assert client.get("/health/").json() == {"status": "degraded"}
