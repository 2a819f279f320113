"""Emails are sent by a task through anymail, and a provider that is down loses nothing."""

import pytest
from django.core import mail

from core import emails
from statements.models import Signature
from tests.email_backends import DownProviderBackend
from tests.statements.visitor import PERSON

pytestmark = pytest.mark.django_db


def test_a_signature_is_saved_even_when_the_provider_is_down(client, statement_page, site_settings, settings):
    settings.EMAIL_BACKEND = "tests.email_backends.DownProviderBackend"
    DownProviderBackend.failures = 0

    response = client.post(f"{statement_page.url}sign/", PERSON)

    assert response.status_code == 302
    assert "Check your inbox" in client.get(response["Location"]).content.decode()
    assert Signature.objects.filter(email="rosa@example.org").exists()
    # Tried once, then retried as many times as RETRY_DELAYS allows (at once, on the immediate backend).
    assert DownProviderBackend.failures == len(emails.RETRY_DELAYS) + 1


def test_retries_wait_on_a_queue_that_can_defer(settings, db):
    """On the database queue a failed email is queued again for later, not lost."""
    from django_tasks_db.models import DBTaskResult

    settings.EMAIL_BACKEND = "tests.email_backends.DownProviderBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    emails.send_email.call("statements/confirm", ["rosa@example.org"], {"name": "Rosa", "statement_title": "S"})
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY"
    assert queued.args_kwargs["kwargs"]["attempt"] == 1
    assert queued.run_after > queued.enqueued_at


def test_every_email_has_a_text_and_an_html_part(settings):
    emails.send_email.call(
        "statements/confirm",
        ["rosa@example.org"],
        {"name": "Rosa", "statement_title": "S", "confirm_url": "http://x/c", "withdraw_url": "http://x/w"},
    )
    message = mail.outbox[-1]
    assert message.subject == "Please confirm your signature: S"
    assert "http://x/c" in message.body and "http://x/w" in message.body
    assert message.alternatives[0][1] == "text/html"


def test_email_tasks_are_listed_for_organisers_only(client, organiser, editor):
    client.force_login(organiser)
    assert client.get("/admin/django_tasks_database/dbtaskresult/").status_code == 200
    client.force_login(editor)
    response = client.get("/admin/django_tasks_database/dbtaskresult/")
    assert response.status_code in (302, 403)


def test_on_the_database_queue_the_email_task_commits_with_the_signature(
    client, statement_page, site_settings, settings
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = client.post(f"{statement_page.url}sign/", PERSON)
    assert response.status_code == 302
    task = DBTaskResult.objects.get(task_path=emails.send_email.module_path)
    assert task.args_kwargs["args"][0] == "statements/confirm"
    assert task.args_kwargs["args"][1] == ["rosa@example.org"]
    assert not mail.outbox  # sent later by the worker
