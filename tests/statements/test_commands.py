"""The cron-safe commands: purge stale unconfirmed signatures, recount the kept counts."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from statements.models import Signature, SignatureCount
from statements.tokens import CONFIRM, WITHDRAW
from tests.core.task_queue import queued_text, run_worker, use_database_queue
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import PERSON, sign

pytestmark = pytest.mark.django_db


def test_purge_deletes_only_old_unconfirmed_signatures(statement_page):
    old = timezone.now() - timezone.timedelta(days=40)
    SignatureFactory(page=statement_page, unconfirmed=True, created_at=old, name="Old pending")
    SignatureFactory(page=statement_page, unconfirmed=True, name="New pending")
    SignatureFactory(page=statement_page, created_at=old, name="Old confirmed")

    call_command("purge_unconfirmed_signatures", "--days", "30")

    assert sorted(Signature.objects.values_list("name", flat=True)) == ["New pending", "Old confirmed"]
    assert statement_page.counts()["total"] == 1
    call_command("purge_unconfirmed_signatures", "--days", "30")  # running again is harmless
    assert Signature.objects.count() == 2


def test_after_the_purge_the_email_queue_holds_nothing_about_the_signers(
    client, statement_page, site_settings, settings
):
    use_database_queue(settings)
    assert sign(client, statement_page).status_code == 302  # its confirmation waits in the queue
    signature = Signature.objects.get()
    Signature.objects.update(created_at=timezone.now() - timezone.timedelta(days=40))
    tokens = [link.make(signature).split(":")[0] for link in (CONFIRM, WITHDRAW)]

    call_command("purge_unconfirmed_signatures", "--days", "30")

    assert not Signature.objects.exists()
    kept = queued_text()
    for personal in [PERSON["name"], PERSON["email"], "token", *tokens]:
        assert personal not in kept
    run_worker()
    assert mail.outbox == []


def test_recount_repairs_drift(statement_page):
    SignatureFactory.create_batch(3, page=statement_page)
    SignatureFactory(page=statement_page, organisation_kind=True)
    SignatureCount.objects.filter(page=statement_page).update(count=999)
    assert statement_page.counts()["total"] > 4

    call_command("recount_signatures")

    assert statement_page.counts() == {"people": 3, "organisations": 1, "total": 4}
    call_command("recount_signatures")
    assert statement_page.counts()["total"] == 4


def test_counts_follow_admin_edits_and_deletes(statement_page):
    signature = SignatureFactory(page=statement_page)
    assert statement_page.counts() == {"people": 1, "organisations": 0, "total": 1}
    signature.kind = Signature.Kind.ORGANISATION
    signature.organisation = "Branch"
    signature.save()
    assert statement_page.counts() == {"people": 0, "organisations": 1, "total": 1}
    signature.delete()
    assert statement_page.counts()["total"] == 0


def test_counting_uses_a_few_slots_not_one_hot_row(statement_page):
    SignatureFactory.create_batch(40, page=statement_page)
    rows = SignatureCount.objects.filter(page=statement_page)
    assert 1 < rows.count() <= 8
    assert statement_page.counts()["total"] == 40


def test_deleting_a_statement_takes_its_signatures_and_counts(statement_page):
    SignatureFactory.create_batch(2, page=statement_page)
    statement_page.delete()
    assert Signature.objects.count() == 0
    assert SignatureCount.objects.count() == 0


def test_recount_check_reports_drift_without_repairing_it(statement_page):
    """After restoring a backup: --check says whether the kept counts hold, changes nothing, and fails on drift."""
    SignatureFactory.create_batch(2, page=statement_page)
    out = StringIO()
    call_command("recount_signatures", "--check", stdout=out)
    assert "2 signatures, every kept count matches" in out.getvalue()

    SignatureCount.reset(statement_page.pk, {Signature.Kind.PERSON: 7})
    out = StringIO()
    with pytest.raises(CommandError, match="1 statement"):
        call_command("recount_signatures", "--check", stdout=out)

    assert "person kept 7, counted 2" in out.getvalue()
    assert statement_page.counts()["total"] == 7  # reported, not repaired
