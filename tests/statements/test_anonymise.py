"""Anonymising a closed statement's signatures (statements.anonymise, #27): what goes, what stays, when it is due."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from core.signed_links import BadToken
from core.subscriptions.models import Consent, Subscriber
from core.subscriptions.tokens import person_token
from statements import anonymise, signing
from statements.management.commands.recount_signatures import actual_counts, nonzero
from statements.models import Signature, StatementPage, Union
from statements.tokens import CONFIRM, WITHDRAW
from tests.statements.factories import SignatureFactory, StatementPageFactory
from tests.statements.visitor import confirm, link_in, path_of, sign

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def london(*parts):
    return datetime(*parts, tzinfo=LONDON)


def close(page, closes_at=None):
    """Close signing (as the editor's closing time does), without the checks of the page's form."""
    page.closes_at = closes_at or timezone.now() - timedelta(days=1)
    StatementPage.objects.filter(pk=page.pk).update(closes_at=page.closes_at)
    return page


def signed_by_all_kinds(page):
    """People and organisations, listed or not, by region and union, confirmed or not: {label: signature}."""
    unite = Union.objects.create(name="Unite")
    made = {
        "person": SignatureFactory(
            page=page,
            name="Rosa Listed",
            email="rosa@example.org",
            town="Leeds",
            organisation="Leeds branch",
            region="yorkshire",
            union=unite,
            network="a1b2c3",
            keep_informed=True,
        ),
        "private person": SignatureFactory(
            page=page, name="Pat Private", town="Cardiff", region="wales", union_other="Bakers", show_publicly=False
        ),
        "paper person": SignatureFactory(page=page, name="Sam Paper", email="", town="Hull", source="paper"),
        "organisation": SignatureFactory(
            page=page,
            organisation_kind=True,
            name="Ann Contact",
            email="sec@tuc.example.org",
            region="london",
            organisation_type="trades-council",
            union=unite,
        ),
        "private organisation": SignatureFactory(
            page=page, organisation_kind=True, organisation="Quiet Group", name="Quinn", show_publicly=False
        ),
        "waiting": SignatureFactory(page=page, unconfirmed=True, name="Will Waiting", region="wales"),
        "held": SignatureFactory(page=page, unconfirmed=True, name="Hal Held", held_because="network"),
    }
    signing.record_consent(made["person"])
    return made


def personal_values(signature):
    return [signature.name, signature.email, signature.email_normalised, signature.town, signature.role]


# When it is due


@pytest.mark.parametrize(
    ("closed", "due"),
    [
        (london(2026, 8, 31, 12, 0), london(2027, 2, 28, 12, 0)),  # no 31 February: the month's last day
        (london(2027, 8, 31, 12, 0), london(2028, 2, 29, 12, 0)),  # a leap year's
        (london(2026, 5, 1, 0, 30), london(2026, 11, 1, 0, 30)),  # 30 April 23:30 UTC, but 1 May in London
        (london(2026, 4, 30, 23, 30), london(2026, 10, 30, 23, 30)),  # British summer time to GMT
        (london(2026, 12, 15, 23, 30), london(2027, 6, 15, 23, 30)),  # across the new year
    ],
)
def test_due_six_calendar_months_after_closing_in_uk_time(settings, closed, due):
    settings.ANONYMISE_AFTER_MONTHS = 6
    assert anonymise.due_at(StatementPage(closes_at=closed)) == due


def test_due_statements_are_closed_past_their_months_and_not_anonymised_yet(settings, home_page):
    settings.ANONYMISE_AFTER_MONTHS = 6
    closed_at = london(2026, 5, 31, 23, 30)  # a London evening: 22:30 UTC, the same day
    now = london(2026, 11, 30, 23, 30)  # no 31 November: due on the 30th at 23:30
    due = close(StatementPageFactory(parent=home_page, title="Due", slug="due"), closed_at)
    close(StatementPageFactory(parent=home_page, title="Too recent", slug="recent"), closed_at + timedelta(minutes=1))
    StatementPageFactory(parent=home_page, title="Never closes", slug="open")
    close(StatementPageFactory(parent=home_page, title="Closes later", slug="later"), now + timedelta(days=1))
    done = close(StatementPageFactory(parent=home_page, title="Done", slug="done"), closed_at)
    StatementPage.objects.filter(pk=done.pk).update(anonymised_at=now - timedelta(days=1))
    reopened = close(StatementPageFactory(parent=home_page, title="Reopened", slug="reopened"), closed_at)
    StatementPage.objects.filter(pk=reopened.pk).update(anonymised_at=closed_at - timedelta(days=30))

    assert [page.title for page in anonymise.due_statements(now)] == ["Due", "Reopened"]
    assert anonymise.due_statements(now - timedelta(minutes=1)) == []
    assert due.pk in [page.pk for page in anonymise.due_statements(now + timedelta(days=40))]


def test_an_open_statement_is_never_anonymised(statement_page):
    SignatureFactory(page=statement_page, name="Still signing")
    with pytest.raises(anonymise.NotClosed):
        anonymise.anonymise(statement_page)
    assert Signature.objects.get().name == "Still signing"


# What goes and what stays


def test_names_addresses_towns_and_roles_go_and_every_count_stays(statement_page):
    made = signed_by_all_kinds(statement_page)
    close(statement_page)
    kept_before = nonzero(statement_page.counter_totals())
    assert kept_before == nonzero(actual_counts(statement_page))
    assert kept_before["u:other"] == 1 and kept_before["r:yorkshire"] == 1

    outcome = anonymise.anonymise(statement_page, batch_size=2)

    assert (outcome.anonymised, outcome.deleted, outcome.names_kept) == (5, 2, 1)
    assert outcome.counts_unchanged
    assert nonzero(statement_page.counter_totals()) == kept_before == nonzero(actual_counts(statement_page))
    call_command("recount_signatures", "--check")  # raises on any drift
    rows = Signature.objects.order_by("pk")
    assert rows.count() == 5  # the two never confirmed are deleted
    for row in rows:
        assert personal_values(row) == ["", "", "", "", ""] and row.network == ""
    assert [row.organisation for row in rows] == ["", "", "", "Anytown Trades Council", ""]
    assert [row.show_publicly for row in rows] == [False, False, False, True, False]
    kept = rows.get(pk=made["organisation"].pk)
    assert (kept.region, kept.union.name, kept.organisation_type) == ("london", "Unite", "trades-council")
    assert rows.get(pk=made["private person"].pk).union_other == "Bakers"
    statement_page.refresh_from_db()
    assert statement_page.anonymised_at is not None and anonymise.is_anonymised(statement_page)
    assert anonymise.plan(statement_page).anonymised == 0


def test_consent_to_updates_stays_but_no_longer_names_the_signature(statement_page):
    made = signed_by_all_kinds(statement_page)
    close(statement_page)
    assert Consent.objects.get().source_id == made["person"].pk

    anonymise.anonymise(statement_page)

    consent = Consent.objects.get()
    assert (consent.source_type, consent.source_id) == (None, None)
    assert consent.subscriber.email == "rosa@example.org" and consent.subscriber.is_receiving


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # each batch really commits
def test_an_interrupted_run_leaves_whole_batches_and_a_second_run_finishes_without_doing_any_twice(
    statement_page, monkeypatch
):
    SignatureFactory.create_batch(5, page=statement_page, region="scotland")
    close(statement_page)
    kept_before = nonzero(statement_page.counter_totals())
    batches = []
    unlink = anonymise.unlink_consents

    def failing_in_the_second_batch(ids):
        batches.append(ids)
        unlink(ids)
        if len(batches) == 2:
            raise RuntimeError("the database went away")

    monkeypatch.setattr(anonymise, "unlink_consents", failing_in_the_second_batch)
    with pytest.raises(RuntimeError):
        anonymise.anonymise(statement_page, batch_size=2)

    named = Signature.objects.exclude(name="")
    assert named.count() == 3  # the first batch is done; the second rolled back whole
    assert set(named.values_list("pk", flat=True)) >= set(batches[1])
    statement_page.refresh_from_db()
    assert statement_page.anonymised_at is None
    assert nonzero(statement_page.counter_totals()) == kept_before

    monkeypatch.setattr(anonymise, "unlink_consents", unlink)
    outcome = anonymise.anonymise(statement_page, batch_size=2)

    assert outcome.anonymised == 3  # only what the first run had left
    assert not Signature.objects.exclude(name="").exists()
    statement_page.refresh_from_db()
    assert statement_page.anonymised_at is not None
    assert nonzero(statement_page.counter_totals()) == kept_before == nonzero(actual_counts(statement_page))
    assert statement_page.counts()["people"] == 5


# What the signers and visitors see afterwards


def test_the_emailed_links_stop_working_and_the_old_address_finds_nothing(client, statement_page, site_settings):
    sign(client, statement_page, keep_informed="on")
    confirm(client, link_in(mail.outbox[0], "confirm"))
    withdraw_path = path_of(link_in(mail.outbox[0], "withdraw"))
    signature = Signature.objects.get()
    your_data = f"/your-data/?token={person_token('rosa@example.org')}"
    assert client.get(withdraw_path).status_code == 200
    assert "Rosa Example" in client.get(your_data).content.decode()
    close(statement_page)

    anonymise.anonymise(statement_page)

    response = client.get(withdraw_path)
    assert response.status_code == 400 and "This link does not work" in response.content.decode()
    for link in (CONFIRM, WITHDRAW):
        with pytest.raises(BadToken):
            link.read(link.make(signature))  # made when it still had its address
    page = client.get(your_data).content.decode()
    assert "Rosa Example" not in page and "Your signature on" not in page
    assert "Receiving updates" in page  # the updates they asked for go on
    assert Subscriber.objects.get().is_receiving
    mail.outbox.clear()
    client.post(f"{statement_page.url}change/", {"email": "rosa@example.org"})
    assert mail.outbox == []  # asking for a fresh withdraw link finds no signature
    assert statement_page.counts()["total"] == 1


def listed_on(html):
    """The items of the page's lists of signatories."""
    return re.findall(r"<li>(.*?)</li>", " ".join(re.findall(r'<ul class="signature-list">(.*?)</ul>', html, re.S)))


def test_the_public_list_keeps_organisations_names_and_drops_peoples(client, statement_page, site_settings):
    signed_by_all_kinds(statement_page)
    close(statement_page)
    before = listed_on(client.get(f"{statement_page.url}signatories/").content.decode())
    assert len(before) == 3
    assert (
        before[0] == '<strong>Anytown Trades Council</strong> (Ann Contact, Secretary)<span class="meta">, Leeds</span>'
    )

    anonymise.anonymise(statement_page)

    after = client.get(f"{statement_page.url}signatories/").content.decode()
    assert listed_on(after) == ["<strong>Anytown Trades Council</strong>"]
    for gone in ("Rosa Listed", "Sam Paper", "Ann Contact", "Quiet Group", "Leeds branch"):
        assert gone not in after
    statement = client.get(statement_page.url).content.decode()
    assert listed_on(statement) == ["<strong>Anytown Trades Council</strong>"]
    assert "Rosa Listed" not in statement
