"""With SENTRY_DSN set, failures reach Sentry without anyone's personal data; without it nothing is sent.

Sentry is given a transport that records what it would send (no network), and
is closed again at the end of each test, so no client outlives it.
"""

import io
import json
import logging
import subprocess
import sys
import threading
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults
from zoneinfo import ZoneInfo

import pytest
import sentry_sdk
from apscheduler.events import EVENT_JOB_ERROR
from django.core import signing
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django_tasks import TaskResultStatus
from sentry_sdk.transport import Transport

from config import urls as site_urls
from config.wsgi import application
from core import error_reports
from core.emails import RETRY_DELAYS, send_email
from core.schedule import build_scheduler
from core.task_worker import TaskWorker, run_task
from tests.core.task_queue import email_rows, use_database_queue
from tests.home.test_settings import PRODUCTION
from tests.statements.factories import SignatureFactory

ROOT = Path(__file__).resolve().parents[2]
ADDRESS = "rosa.example@example.org"
TOKEN = signing.dumps([41, "0123456789abcdef"], salt="statements.confirm", compress=False)
logger = logging.getLogger(__name__)


class RecordingTransport(Transport):
    """Keeps each event Sentry would send, instead of sending it."""

    def __init__(self):
        super().__init__()
        self.events = []

    def capture_envelope(self, envelope):
        event = envelope.get_event() or envelope.get_transaction_event()
        if event is not None:
            self.events.append(event)


@contextmanager
def recording_sentry(traces_sample_rate=0.0):
    """Sentry started as production starts it, recording instead of sending; closed again afterwards."""
    transport = RecordingTransport()
    with sentry_sdk.isolation_scope():
        assert error_reports.start(
            "https://public@sentry.example.org/1", traces_sample_rate=traces_sample_rate, transport=transport
        )
        try:
            yield transport
        finally:
            sentry_sdk.get_client().close()
            sentry_sdk.get_global_scope().set_client(None)


@pytest.fixture
def sentry():
    with recording_sentry() as transport:
        yield transport


@pytest.fixture
def traced_sentry():
    """As with SENTRY_TRACES_SAMPLE_RATE=1: every request traced."""
    with recording_sentry(traces_sample_rate=1.0) as transport:
        yield transport


def errors(transport):
    """The recorded events that carry an exception, as (type, event)."""
    return [(event["exception"]["values"][-1]["type"], event) for event in transport.events if event.get("exception")]


@csrf_exempt
def failing_view(request):
    """A view that fails while handling a signer's details, after logging a line that names them."""
    logger.warning("confirming failed", extra={"email": request.POST["email"], "link": request.get_full_path()})
    raise RuntimeError(f"could not save the signature of {request.POST['email']} (token={request.GET['token']})")


urlpatterns = [path("failing/", failing_view), *site_urls.urlpatterns]


def post_through_wsgi(path, query, form, **headers):
    """POST through config.wsgi's application, as gunicorn calls it (where Sentry's WSGI middleware sits); its status.

    Django's test client skips the WSGI layer. As the test client does, the request does not close the
    test's database connection when it ends.
    """
    body = urlencode(form).encode()
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        **headers,
    }
    setup_testing_defaults(environ)
    statuses = []
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
        b"".join(response)
        response.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return statuses[0]


@pytest.mark.django_db
def test_a_failing_request_is_reported_without_body_cookies_address_or_token(sentry, settings):
    settings.ROOT_URLCONF = __name__

    status = post_through_wsgi(
        "/failing/",
        urlencode({"token": TOKEN, "key": "stall-key-secret"}),
        {"name": "Rosa Example", "email": ADDRESS, "town": "Cardiff"},
        HTTP_COOKIE="stall-12=stall-device-secret; sessionid=staff-session-secret",
        HTTP_REFERER=f"https://campaign.example.org/statement/confirm/?token={TOKEN}",
    )

    assert status.startswith("500")
    [(kind, event)] = errors(sentry)
    assert len(sentry.events) == 1
    assert kind == "RuntimeError"
    assert event["request"]["url"].endswith("/failing/") and event["request"]["method"] == "POST"
    assert any(crumb.get("message") == "confirming failed" for crumb in event["breadcrumbs"]["values"])
    sent = json.dumps(event)
    for secret in [ADDRESS, TOKEN, TOKEN.split(":")[-1], "stall-key-secret", "stall-device-secret"]:
        assert secret not in sent
    for personal in ["staff-session-secret", "Rosa Example", "Cardiff"]:
        assert personal not in sent
    assert "could not save the signature of [email]" in event["exception"]["values"][-1]["value"]


@pytest.mark.django_db
def test_with_tracing_on_a_traced_request_carries_no_token_or_cookie(traced_sentry):
    status = post_through_wsgi(
        "/statement/confirm/",
        urlencode({"token": TOKEN}),
        {"token": TOKEN},
        HTTP_COOKIE="stall-12=stall-device-secret",
    )

    assert status.startswith("404")  # no statement here: the point is what its trace says
    [transaction] = [event for event in traced_sentry.events if event.get("type") == "transaction"]
    sent = json.dumps(transaction)
    assert "/statement/confirm/" in sent
    for secret in [TOKEN, TOKEN.split(":")[-1], "stall-device-secret"]:
        assert secret not in sent


@pytest.mark.django_db
def test_a_task_that_fails_in_the_worker_is_reported_with_its_traceback(sentry, settings, statement_page):
    use_database_queue(settings)
    settings.EMAIL_BACKEND = "tests.email_backends.DownProviderBackend"
    signature = SignatureFactory(page=statement_page, unconfirmed=True, email=ADDRESS)
    # Its last attempt: the provider's refusal now fails the task instead of queueing a retry.
    send_email.enqueue("statements/confirm", signature.pk, {"statement_url": "https://example.org/"}, attempt=4)
    assert len(RETRY_DELAYS) == 4

    run_task(TaskWorker("test-0", ["default"], "default", 0, stopping=None).take())

    assert email_rows().get().status == TaskResultStatus.FAILED
    [(kind, event)] = errors(sentry)
    assert kind == "EmailFailed"
    assert any(frame["function"] == "deliver" for frame in event["exception"]["values"][-1]["stacktrace"]["frames"])
    assert ADDRESS not in json.dumps(sentry.events)


def test_a_scheduled_job_that_fails_is_reported(sentry, settings):
    """The scheduler (core.schedule, as run_scheduler starts it) cannot queue the recount: the task backend refuses it.

    Here the backend no longer serves the task's queue; a database that is away fails the same way.
    """
    scheduler = build_scheduler()
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["emails"]}}
    scheduler.modify_job("statements.tasks.recount_signatures", next_run_time=datetime.now(ZoneInfo("Europe/London")))
    failed = threading.Event()
    scheduler.add_listener(lambda event: failed.set(), EVENT_JOB_ERROR)
    running = threading.Thread(target=scheduler.start)
    running.start()
    try:
        assert failed.wait(10)
    finally:
        scheduler.shutdown()
        running.join(10)

    [(kind, event)] = errors(sentry)
    assert kind == "InvalidTaskError"
    assert "statements.tasks.recount_signatures" in event["logentry"]["formatted"]


def test_without_a_dsn_nothing_is_initialised():
    assert error_reports.start("") is False
    assert not sentry_sdk.get_client().is_active()


def test_scrubbing_reaches_messages_extra_and_breadcrumbs():
    event = {
        "message": f"mail to {ADDRESS} failed; posted token={TOKEN}&stall-12=stall-device-secret",
        "logentry": {"message": "signing from %s", "params": ["203.0.113.7"]},
        "extra": {"signer_email": ADDRESS, "path": "/stall/?key=stall-key-secret", "note": f"key=abc; {TOKEN}"},
        "breadcrumbs": {"values": [{"message": f"Cookie: stall-12=stall-device-secret; seen {ADDRESS}"}]},
        "user": {"ip_address": "203.0.113.7", "email": ADDRESS},
        "request": {"data": "name=Rosa+Example", "cookies": {"stall-12": "x"}, "query_string": f"token={TOKEN}"},
    }

    scrubbed = error_reports.scrub_event(event, {})
    assert scrubbed["request"] == {} and "user" not in scrubbed
    sent = json.dumps(scrubbed)

    for secret in [ADDRESS, TOKEN, "stall-key-secret", "stall-device-secret", "203.0.113.7", "abc"]:
        assert secret not in sent


def production_client(**env):
    """Whether Sentry is initialised in a fresh process with production settings, and with what privacy options."""
    script = (
        "import sentry_sdk; client = sentry_sdk.get_client(); "
        "print(client.is_active(), bool(client.options.get('send_default_pii')), "
        "(client.options.get('data_collection') or {}).get('user_info'), client.options.get('traces_sample_rate'))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **PRODUCTION, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-1].split()  # after the shell's own line about its imports


def test_production_starts_sentry_only_with_a_dsn():
    assert production_client() == ["False", "False", "None", "None"]
    # Nothing fails here, so nothing is sent to this address.
    assert production_client(SENTRY_DSN="http://public@127.0.0.1:9/1") == ["True", "False", "False", "None"]
