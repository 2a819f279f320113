"""The one reminder to confirm: 24 to 48 hours after signing, once, never to the held, the withdrawn or the closed."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.schedule import scheduled_jobs
from core.subscriptions import consent
from core.subscriptions.models import Subscriber
from statements import reminders, signing
from statements.models import Signature
from statements.signing import resend_key
from tests.core.task_queue import queued_text, run_worker, use_database_queue
from tests.statements.factories import SignatureFactory, StatementPageFactory
from tests.statements.visitor import confirm, link_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def now():
    return timezone.now()


def signed(page, now, hours, **fields):
    """An unconfirmed web signature made `hours` ago, whose confirmation email went out then."""
    return SignatureFactory(page=page, unconfirmed=True, created_at=now - timedelta(hours=hours), **fields)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """One run of the hourly job at `now`, its queued emails sent (as the job's transactions commit)."""

    def run_at(now):
        with django_capture_on_commit_callbacks(execute=True):
            return reminders.remind_unconfirmed(now)

    return run_at


@pytest.mark.parametrize(("hours", "reminded"), [(23, False), (23.99, False), (24, True), (25, True), (47.9, True)])
def test_a_reminder_goes_only_from_a_day_after_signing(statement_page, now, run, hours, reminded):
    signature = signed(statement_page, now, hours, email="rosa@example.org")

    assert run(now) == int(reminded)

    signature.refresh_from_db()
    assert (signature.reminded_at == now) is reminded
    assert [message.to for message in mail.outbox] == ([["rosa@example.org"]] if reminded else [])


@pytest.mark.parametrize("hours", [48, 49, 24 * 10])
def test_no_reminder_once_two_days_have_passed(statement_page, now, run, hours):
    """A run that missed the window (the scheduler down for a day) sends nothing late."""
    signature = signed(statement_page, now, hours)

    assert run(now) == 0

    signature.refresh_from_db()
    assert signature.reminded_at is None and mail.outbox == []


def test_the_reminder_goes_once_however_often_the_job_runs(statement_page, now, run):
    signed(statement_page, now, 25)

    assert run(now) == 1
    cache.clear()  # the email cap's ten minutes have passed
    assert run(now + timedelta(hours=1)) == 0
    assert run(now + timedelta(hours=2)) == 0

    assert len(mail.outbox) == 1


def test_the_reminder_says_the_signature_is_not_counted_and_its_link_confirms(client, statement_page, now, run):
    signature = signed(
        statement_page, now, 25, email="rosa@example.org", keep_informed=True, keep_informed_wording="updates-1"
    )
    before = statement_page.counts()["total"]

    run(now)

    (message,) = mail.outbox
    assert message.subject == "Your signature isn't counted yet: Our statement"
    assert "It does not count until it is." in message.body
    assert "This is the only reminder we send." in message.body
    assert "/withdraw/" in message.body and "Send me campaign updates" in message.body
    assert signature.name not in message.body  # anyone can type anyone's address into the form
    html = message.alternatives[0][0]
    assert "Confirm my signature" in html and "Your signature isn" in html

    response = confirm(client, link_in(message, "confirm"))

    assert response.status_code == 302
    signature.refresh_from_db()
    assert signature.is_confirmed
    assert statement_page.counts()["total"] == before + 1
    assert Subscriber.objects.receiving().filter(email="rosa@example.org").exists()


def test_held_confirmed_and_withdrawn_signatures_get_no_reminder(statement_page, now, run):
    held = signed(statement_page, now, 25, held_because=Signature.HeldBecause.NETWORK)
    SignatureFactory(page=statement_page, created_at=now - timedelta(hours=25))  # confirmed
    withdrawn = signed(statement_page, now, 25)
    signing.withdraw(withdrawn)

    assert run(now) == 0

    held.refresh_from_db()
    assert held.reminded_at is None and mail.outbox == []


def test_no_reminder_for_a_closed_or_unpublished_statement(home_page, now, run):
    closed = StatementPageFactory(parent=home_page, slug="closed", closes_at=now - timedelta(hours=1))
    closing_later = StatementPageFactory(parent=home_page, slug="open", closes_at=now + timedelta(days=1))
    unpublished = StatementPageFactory(parent=home_page, slug="draft", live=False)
    signed(closed, now, 25)
    signed(unpublished, now, 25)
    still_open = signed(closing_later, now, 25)

    assert run(now) == 1

    assert [message.to for message in mail.outbox] == [[still_open.email]]


@pytest.mark.parametrize("status", [Subscriber.Status.BOUNCED, Subscriber.Status.COMPLAINED])
def test_no_reminder_to_an_address_that_bounced_or_complained(statement_page, now, run, status):
    signed(statement_page, now, 25, email="Gone@Example.org")
    consent.record_confirmed("gone@example.org", "the “Get involved” form", "updates-1")
    consent.stop("gone@example.org", status)

    assert run(now) == 0
    assert mail.outbox == []


def test_an_unsubscribed_address_is_still_reminded(statement_page, now, run):
    """Stopping updates is no bounce: the reminder is about the signature they made, not an update."""
    signed(statement_page, now, 25, email="quiet@example.org")
    consent.record_confirmed("quiet@example.org", "the “Get involved” form", "updates-1")
    consent.stop("quiet@example.org")

    assert run(now) == 1


def test_a_signature_emailed_moments_ago_waits_for_the_next_run(statement_page, now, run):
    """The per-signature email cap (signing.RESEND_INTERVAL): signing again just sent the confirmation again."""
    signature = signed(statement_page, now, 25)
    cache.set(resend_key(signature), now.timestamp(), signing.RESEND_INTERVAL)

    assert run(now) == 0
    signature.refresh_from_db()
    assert signature.reminded_at is None

    cache.clear()
    assert run(now + timedelta(hours=1)) == 1


def test_a_surge_is_read_a_chunk_at_a_time_and_each_reminded_once(statement_page, now, run, monkeypatch):
    monkeypatch.setattr(reminders, "CHUNK", 2)
    for n in range(5):
        signed(statement_page, now, 25 + n / 10)
    signed(statement_page, now, 3)  # too soon

    with CaptureQueriesContext(connection) as queries:
        assert run(now) == 5

    assert sorted(len(message.to) for message in mail.outbox) == [1] * 5
    assert len({message.to[0] for message in mail.outbox}) == 5
    keyset = 'SELECT "statements_signature"."created_at" AS "created_at", "statements_signature"."id" AS "pk"'
    reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith(keyset)]
    assert len(reads) == 4 and all("LIMIT 2" in sql for sql in reads)  # three chunks, then one that finds none
    assert Signature.objects.filter(reminded_at=now).count() == 5


def test_the_queue_holds_only_ids_and_a_signature_confirmed_meanwhile_gets_nothing(
    settings, client, statement_page, now
):
    use_database_queue(settings)
    waiting = signed(statement_page, now, 25, email="waiting@example.org")
    confirmed_meanwhile = signed(statement_page, now, 26, email="quick@example.org")

    assert reminders.remind_unconfirmed(now) == 2
    assert "@example.org" not in queued_text()
    signing.confirm(confirmed_meanwhile)
    run_worker()

    assert [message.to for message in mail.outbox] == [[waiting.email]]


def test_the_reminder_runs_hourly():
    path = "statements.tasks.remind_unconfirmed_signers"
    assert scheduled_jobs()[path][1] == "5 * * * *"
