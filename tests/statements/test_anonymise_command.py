"""The anonymise_signatures command (nightly, or by hand): what it says it did, its dry run, one statement early."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from core.schedule import scheduled_jobs
from statements import anonymise
from statements.models import Signature, StatementPage
from statements.tasks import anonymise_signatures
from tests.statements.factories import SignatureFactory, StatementPageFactory

pytestmark = pytest.mark.django_db


def closed_statement(parent, title, days_ago):
    page = StatementPageFactory(parent=parent, title=title, slug=title.lower().replace(" ", "-"))
    StatementPage.objects.filter(pk=page.pk).update(closes_at=timezone.now() - timedelta(days=days_ago))
    page.refresh_from_db()
    SignatureFactory.create_batch(3, page=page, region="wales")
    SignatureFactory(page=page, organisation_kind=True)
    SignatureFactory(page=page, unconfirmed=True)
    return page


def run(*args):
    out = StringIO()
    call_command("anonymise_signatures", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def statements(home_page, settings):
    settings.ANONYMISE_AFTER_MONTHS = 6
    return {
        "old": closed_statement(home_page, "Old statement", days_ago=200),
        "recent": closed_statement(home_page, "Recent statement", days_ago=10),
    }


def test_the_nightly_run_anonymises_what_is_due_and_says_what_it_did(statements):
    said = run()

    assert said == (
        "“Old statement”: anonymised 4 signatures (1 of them organisations whose names stay on the public list),"
        " deleted 1 signature never confirmed; 4 counted, counts unchanged.\n"
    )
    assert not Signature.objects.filter(page=statements["old"]).exclude(name="").exists()
    assert Signature.objects.filter(page=statements["recent"]).exclude(name="").count() == 5
    assert run() == "No statement is due: none closed more than 6 months ago is left to anonymise.\n"


def test_a_dry_run_says_per_statement_what_would_go_and_changes_nothing(statements):
    StatementPage.objects.filter(pk=statements["recent"].pk).update(closes_at=timezone.now() - timedelta(days=190))

    said = run("--dry-run")

    assert "“Old statement” (closed " in said and "“Recent statement” (closed " in said
    assert said.count("would anonymise 4 signatures (1 of them organisations") == 2
    assert said.count("and delete 1 signature never confirmed.") == 2
    assert said.endswith("Dry run: nothing was changed.\n")
    assert Signature.objects.exclude(name="").count() == 10
    assert StatementPage.objects.filter(anonymised_at__isnull=False).count() == 0


def test_one_closed_statement_can_be_anonymised_before_its_months_are_up(statements):
    said = run("--statement", str(statements["recent"].pk))

    assert said.startswith("“Recent statement”: anonymised 4 signatures")
    assert not Signature.objects.filter(page=statements["recent"]).exclude(name="").exists()
    assert Signature.objects.filter(page=statements["old"]).exclude(name="").count() == 5
    assert "would anonymise 0 signatures" in run("--dry-run", "--statement", str(statements["recent"].pk))


def test_an_open_or_unknown_statement_is_refused(statements, home_page):
    open_page = StatementPageFactory(parent=home_page, title="Still open", slug="still-open")
    SignatureFactory(page=open_page, name="Signing now")

    with pytest.raises(CommandError, match="“Still open” is not closed"):
        run("--statement", str(open_page.pk))
    with pytest.raises(CommandError, match="No statement has the id 999999"):
        run("--statement", "999999")
    assert Signature.objects.get(page=open_page).name == "Signing now"


def test_the_scheduler_runs_it_every_night(statements):
    assert scheduled_jobs()["statements.tasks.anonymise_signatures"][1] == "40 3 * * *"

    anonymise_signatures.call()

    assert not Signature.objects.filter(page=statements["old"]).exclude(name="").exists()


def test_a_statement_that_fails_leaves_the_others_done_and_the_run_reports_it(statements, monkeypatch):
    StatementPage.objects.filter(pk=statements["recent"].pk).update(closes_at=timezone.now() - timedelta(days=190))
    batch = anonymise.anonymise_batch

    def failing_on_the_old_statement(page, ids, outcome):
        if page.pk == statements["old"].pk:
            raise RuntimeError("disk full")
        batch(page, ids, outcome)

    monkeypatch.setattr(anonymise, "anonymise_batch", failing_on_the_old_statement)
    errors = StringIO()
    with pytest.raises(CommandError, match="1 statement\\(s\\) not finished: Old statement."):
        call_command("anonymise_signatures", stdout=StringIO(), stderr=errors)

    assert "“Old statement”: stopped (RuntimeError); the next run carries on." in errors.getvalue()
    assert not Signature.objects.filter(page=statements["recent"]).exclude(name="").exists()
    assert Signature.objects.filter(page=statements["old"]).exclude(name="").count() == 5
    assert StatementPage.objects.get(pk=statements["old"].pk).anonymised_at is None
