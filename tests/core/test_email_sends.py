"""A queued email is recorded before and after the provider's answer: a re-run never sends one the provider accepted."""

import pytest
from django.core import mail

from core import email_sends, emails
from core.models import EmailSend
from tests.core.task_queue import email_rows, use_database_queue
from tests.email_backends import DownProviderBackend
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db

STATEMENT_URL = "https://example.org/statement/"


@pytest.fixture
def queued(settings, statement_page):
    """A confirmation on the database queue, as signing leaves it: the task's row and its arguments."""
    use_database_queue(settings)
    signature = SignatureFactory(page=statement_page, unconfirmed=True)
    emails.queue_email("statements/confirm", signature, statement_url=STATEMENT_URL)
    mail.outbox = []
    return email_rows().get()


def run_again(row):
    """What a worker does with the row: call the task with its arguments (as after a killed worker, more than once)."""
    emails.send_email.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])


def test_an_email_the_provider_accepted_is_not_sent_again_when_its_task_runs_again(queued):
    run_again(queued)
    run_again(queued)

    assert len(mail.outbox) == 1
    record = EmailSend.objects.get()
    assert record.state == EmailSend.SENT
    assert record.provider_message_id != ""
    assert record.handovers == 1


def test_an_email_left_sending_by_a_crash_is_sent_again_with_the_same_idempotency_key(queued, settings):
    """Whether the provider took it is unknown: it is sent again, and a provider with keys drops the copy."""
    settings.EMAIL_IDEMPOTENCY_HEADER = "Idempotency-Key"
    key = queued.args_kwargs["kwargs"]["key"]
    EmailSend.objects.create(key=key, template="statements/confirm")  # the worker died before the answer

    run_again(queued)

    [message] = mail.outbox
    assert message.extra_headers["Idempotency-Key"] == email_sends.idempotency_key(key, 0)
    record = EmailSend.objects.get()
    assert (record.state, record.handovers) == (EmailSend.SENT, 2)


def test_a_retry_after_a_refusal_keeps_the_email_and_takes_a_new_idempotency_key(queued, settings):
    """A provider replays its answer to a key it saw: a refused attempt's key would be refused again."""
    settings.EMAIL_BACKEND = "tests.email_backends.DownProviderBackend"
    settings.EMAIL_IDEMPOTENCY_HEADER = "Idempotency-Key"
    DownProviderBackend.failures = 0
    key = queued.args_kwargs["kwargs"]["key"]

    run_again(queued)

    retry = email_rows().exclude(pk=queued.pk).get()
    assert retry.args_kwargs["kwargs"]["key"] == key
    assert retry.args_kwargs["kwargs"]["attempt"] == 1
    assert mail.outbox[0].extra_headers["Idempotency-Key"] == email_sends.idempotency_key(key, 0)
    assert email_sends.idempotency_key(key, 1) != email_sends.idempotency_key(key, 0)
    assert EmailSend.objects.get().state == EmailSend.SENDING

    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    mail.outbox = []
    run_again(retry)
    assert mail.outbox[0].extra_headers["Idempotency-Key"] == email_sends.idempotency_key(key, 1)
    assert EmailSend.objects.get().state == EmailSend.SENT


def test_brevo_is_given_a_key_and_a_provider_without_keys_no_header(settings):
    settings.EMAIL_IDEMPOTENCY_HEADER = ""
    settings.EMAIL_BACKEND = "anymail.backends.brevo.EmailBackend"
    assert email_sends.idempotency_header() == "idempotencyKey"
    settings.EMAIL_BACKEND = "anymail.backends.postmark.EmailBackend"
    assert email_sends.idempotency_header() is None


def test_the_queue_and_the_record_hold_no_personal_data(queued):
    run_again(queued)
    record = EmailSend.objects.values().get()
    signature_email = mail.outbox[0].to[0]
    assert signature_email not in str(record)
    assert signature_email not in str(queued.args_kwargs)
