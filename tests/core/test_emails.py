"""Emails go by a task through anymail, built from ids when sent; a provider that is down loses nothing."""

import logging

import pytest
from anymail.backends.test import EmailBackend as AnymailTestBackend
from anymail.exceptions import AnymailAPIError
from django.core import mail

from core import emails
from statements.models import Signature
from tests.core.task_queue import email_rows, queued_text, run_worker, use_database_queue
from tests.email_backends import DownProviderBackend
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import PERSON, link_in, path_of

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


def test_retries_wait_on_a_queue_that_can_defer(settings, statement_page):
    """On the database queue a failed email is queued again for later, not lost."""
    settings.EMAIL_BACKEND = "tests.email_backends.DownProviderBackend"
    use_database_queue(settings)
    signature = SignatureFactory(page=statement_page, unconfirmed=True)
    emails.send_email.call("statements/confirm", signature.pk, {"statement_url": "http://testserver/statement/"})
    queued = email_rows().get()
    assert queued.status == "READY"
    assert queued.args_kwargs["kwargs"]["attempt"] == 1
    assert queued.run_after > queued.enqueued_at
    assert signature.email not in queued_text()


def test_every_email_has_a_text_and_an_html_part(statement_page):
    signature = SignatureFactory(page=statement_page, unconfirmed=True)
    emails.send_email.call("statements/confirm", signature.pk, {"statement_url": "http://x/statement/"})
    message = mail.outbox[-1]
    assert message.to == [signature.email]
    assert message.subject == "Please confirm your signature: Our statement"
    assert "http://x/statement/confirm/?token=" in message.body
    assert "http://x/statement/withdraw/?token=" in message.body
    assert message.alternatives[0][1] == "text/html"


def test_text_emails_are_plain_text_not_html(client, statement_page, site_settings):
    """An editor's apostrophe in the statement's title reads as one in the text part and the subject."""
    statement_page.title = "Workers' statement"
    statement_page.save_revision().publish()
    client.post(f"{statement_page.url}sign/", PERSON)
    (message,) = mail.outbox
    assert "Workers' statement" in message.subject
    assert "&#x27;" not in message.subject + message.body


def test_email_tasks_are_listed_for_organisers_only(client, organiser, editor):
    client.force_login(organiser)
    assert client.get("/admin/django_tasks_database/dbtaskresult/").status_code == 200
    client.force_login(editor)
    response = client.get("/admin/django_tasks_database/dbtaskresult/")
    assert response.status_code in (302, 403)


def test_on_the_database_queue_the_email_task_commits_with_the_signature(
    client, statement_page, site_settings, settings
):
    use_database_queue(settings)
    response = client.post(f"{statement_page.url}sign/", PERSON)
    assert response.status_code == 302
    task = email_rows().get()
    assert task.args_kwargs["args"][0] == "statements/confirm"  # the admin's "Email tasks" list shows it
    assert not mail.outbox  # sent later by the worker


def test_the_queue_holds_ids_and_the_worker_builds_the_email_when_it_sends(
    client, statement_page, site_settings, settings
):
    use_database_queue(settings)
    client.post(f"{statement_page.url}sign/", PERSON)
    signature = Signature.objects.get()
    kept = queued_text()
    for personal in (PERSON["name"], PERSON["email"], "token"):
        assert personal not in kept

    run_worker()

    (message,) = mail.outbox
    assert message.to == ["rosa@example.org"]
    assert message.subject == "Please confirm your signature: Our statement"
    assert client.get(path_of(link_in(message, "confirm")), follow=True).status_code == 200
    assert email_rows().get().status == "SUCCESSFUL"
    assert signature.pk in email_rows().get().args_kwargs["args"]


def test_a_record_gone_before_its_email_is_sent_gets_none(statement_page, settings, caplog):
    use_database_queue(settings)
    signature = SignatureFactory(page=statement_page, unconfirmed=True)
    emails.queue_email("statements/confirm", signature, statement_url="http://testserver/statement/")
    signature.delete()

    with caplog.at_level(logging.INFO, logger="core.emails"):
        run_worker()

    assert mail.outbox == []
    assert "email not sent: its record is gone" in caplog.messages
    assert signature.email not in caplog.text


class ProviderQuotingTheRecipient(AnymailTestBackend):
    """A provider whose error message names the recipient, as real ones do ("... rosa@example.org rejected")."""

    def post_to_esp(self, payload, message):
        message.anymail_test_response = AnymailAPIError(f"550 {', '.join(message.to)} rejected")
        return super().post_to_esp(payload, message)


def test_a_failure_kept_in_the_queue_does_not_quote_the_provider(statement_page, settings):
    settings.EMAIL_BACKEND = "tests.core.test_emails.ProviderQuotingTheRecipient"
    use_database_queue(settings)
    signature = SignatureFactory(page=statement_page, unconfirmed=True)
    last = len(emails.RETRY_DELAYS)
    emails.send_email.enqueue("statements/confirm", signature.pk, {"statement_url": "http://x/"}, attempt=last)

    run_worker()

    failed = email_rows().get()
    assert failed.status == "FAILED"
    assert failed.exception_class_path == "core.emails.EmailFailed"
    assert signature.email not in queued_text()


def test_an_email_without_a_builder_is_refused_when_queued(statement_page):
    with pytest.raises(LookupError):
        emails.queue_email("statements/no_such_email", SignatureFactory(page=statement_page))


def test_an_emails_extra_headers_go_with_it_and_other_emails_carry_none(statement_page, monkeypatch):
    """A builder's headers (one-click unsubscribe, say) reach the message; an email without them has none added."""
    signature = SignatureFactory(page=statement_page, unconfirmed=True)
    emails.send_email.call("statements/confirm", signature.pk, {"statement_url": "http://x/statement/"})
    plain = mail.outbox[-1]
    assert "List-Unsubscribe" not in plain.extra_headers

    kind = emails._kinds["statements/confirm"]
    build = kind.build

    def with_headers(record, **params):
        email = build(record, **params)
        email.headers = emails.one_click_unsubscribe("https://x/stop/?token=abc")
        return email

    monkeypatch.setitem(emails._kinds, "statements/confirm", emails.EmailKind(kind.records, with_headers))
    emails.send_email.call("statements/confirm", signature.pk, {"statement_url": "http://x/statement/"})
    sent = mail.outbox[-1]
    assert sent.extra_headers["List-Unsubscribe"] == "<https://x/stop/?token=abc>"
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert sent.subject == plain.subject and sent.body == plain.body
