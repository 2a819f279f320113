"""The Procfile's worker killed with SIGKILL in the middle of a surge of confirmations loses none and sends none twice.

Real processes: the Procfile's `worker` line, run through `sh -c` with
production settings on this test's PostgreSQL database, delivers through
tests.email_backends.IdempotentSlowProvider (100 ms a message, idempotency
keys honoured, each delivery a file this test reads). The test kills the
worker's whole process group as an out-of-memory kill or a platform's hard
stop does, starts it again, and counts what arrived. The lease is 2 seconds
here (60 in production), so the test takes about half a minute.

PostgreSQL only; skipped with the reason elsewhere.
"""

import json
import os
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection
from django_tasks import TaskResultStatus

from bench.servers import PYTHON, ROOT
from bench.surge import procfile_line
from core.emails import queue_email
from core.models import EmailSend
from tests.core.task_queue import email_rows, use_database_queue
from tests.statements.factories import SignatureFactory

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.postgres]

SURGE = 200
KILL_AFTER = 50  # delivered before the kill
LEASE_SECONDS = 2


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("SKIPPED a killed worker: the Procfile's worker runs on PostgreSQL (set DATABASE_URL)")


def worker_env(outbox):
    """What a platform gives the worker, on this test's database, with a short lease and four threads."""
    db = connection.settings_dict
    inherited = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    return {
        **inherited,
        "PATH": f"{Path(PYTHON).parent}{os.pathsep}{inherited.get('PATH', '')}",
        "SECRET_KEY": "killed-worker-" + "k" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "EMAIL_BACKEND": "tests.email_backends.IdempotentSlowProvider",
        "EMAIL_IDEMPOTENCY_HEADER": "Idempotency-Key",
        "TEST_EMAIL_DIR": str(outbox),
        "TASK_LEASE_SECONDS": str(LEASE_SECONDS),
        "WORKER_THREADS": "4",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }


def start_worker(env, log):
    with open(log, "ab") as output:
        return subprocess.Popen(
            ["sh", "-c", procfile_line("worker")],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(worker, sig):
    """Send `sig` to the worker's whole process group and wait until every process in it is gone."""
    try:
        os.killpg(worker.pid, sig)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        worker.poll()
        try:
            os.killpg(worker.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.killpg(worker.pid, signal.SIGKILL)


def delivered(outbox):
    return [json.loads(path.read_text()) for path in outbox.glob("*.json")]


def wait_until(condition, timeout, what, log):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"{what} not within {timeout} s; the worker said:\n{log.read_text(errors='replace')[-3000:]}")


def unfinished():
    return email_rows().filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]).count()


def test_a_worker_killed_mid_surge_loses_no_confirmation_and_sends_none_twice(statement_page, settings, tmp_path):
    use_database_queue(settings)
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    log = tmp_path / "worker.log"
    signatures = [SignatureFactory(page=statement_page, unconfirmed=True) for _ in range(SURGE)]
    for signature in signatures:
        queue_email("statements/confirm", signature, statement_url="https://example.org/statement/")
    env = worker_env(outbox)

    first = start_worker(env, log)
    try:
        wait_until(lambda: len(delivered(outbox)) >= KILL_AFTER, 60, f"{KILL_AFTER} emails delivered", log)
    finally:
        stop(first, signal.SIGKILL)
    held = list(email_rows().running().values_list("pk", flat=True))
    assert held, "the worker held no task when it was killed: nothing was tested"
    assert len(delivered(outbox)) < SURGE

    second = start_worker(env, log)
    try:
        wait_until(lambda: unfinished() == 0, 60, "every email sent", log)
    finally:
        stop(second, signal.SIGTERM)

    received = Counter(address for message in delivered(outbox) for address in message["to"])
    assert received == Counter(signature.email for signature in signatures), "an email lost or sent twice"
    assert email_rows().count() == email_rows().successful().count() == SURGE
    # The tasks the killed worker held went back to the queue after its lease and were taken again.
    claims = dict(email_rows().filter(pk__in=held).values_list("pk", "worker_ids"))
    assert all(len(worker_ids) == 2 for worker_ids in claims.values()), claims
    assert EmailSend.objects.filter(state=EmailSend.SENT).count() == SURGE
    replays = len(list((outbox / ".replays").glob("*"))) if (outbox / ".replays").exists() else 0
    print(f"killed holding {len(held)} tasks; {replays} re-sent messages the provider dropped by their key")
