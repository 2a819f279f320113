"""The Procfile's worker (`run_workers`): several workers side by side send each queued email once.

Real threads and real transactions: PostgreSQL only (its SKIP LOCKED is what
keeps two workers off one task); skipped elsewhere.
"""

import os

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection

from bench.surge import read_outbox
from core.emails import queue_email
from tests.concurrency import stop_when
from tests.core.task_queue import email_rows, use_database_queue
from tests.statements.factories import SignatureFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.postgres,
]


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("SKIPPED several workers at once: needs PostgreSQL (set DATABASE_URL)")


def test_four_workers_send_every_queued_confirmation_once(statement_page, settings, tmp_path, monkeypatch):
    """With a provider that takes 100 ms a message, the work is shared and no message goes twice."""
    use_database_queue(settings)
    settings.EMAIL_BACKEND = "bench.email_backends.SlowProviderBackend"
    monkeypatch.setenv("BENCH_OUTBOX", str(tmp_path / "outbox.jsonl"))
    signatures = [SignatureFactory(page=statement_page, unconfirmed=True) for _ in range(40)]
    for signature in signatures:
        queue_email("statements/confirm", signature, statement_url="https://example.org/statement/")
    mail.outbox = []
    watcher = stop_when(lambda: len(mail.outbox) >= 40 and not email_rows().ready().exists())

    call_command("run_workers", threads=4, interval=0.1, stdout=open(os.devnull, "w"))  # noqa: SIM115
    watcher.join()

    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(signature.email for signature in signatures)
    assert email_rows().successful().count() == 40
    claimed = [len(ids) for ids in email_rows().values_list("worker_ids", flat=True)]
    assert claimed == [1] * 40
    assert len({ids[0] for ids in email_rows().values_list("worker_ids", flat=True)}) > 1, "one worker did it all"
    assert len(read_outbox(tmp_path / "outbox.jsonl")) == 40
