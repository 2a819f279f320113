"""The admin home's "Where signers come from", as an organiser and as a plain editor see it."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from statements.models import NamedSource, Signature, SignatureCount
from statements.referrals import signer_code
from tests.html import visible_text
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def sources_panel(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    found = re.search(
        r'<section[^>]*id="signature-sources-section".*?</section>', response.content.decode(), flags=re.S
    )
    return found and visible_text(found.group(0))


def row(text, name):
    """The three figures after a row's name: last 24 hours, last 7 days, in all."""
    return tuple(
        int(n.replace(",", ""))
        for n in re.search(rf"{re.escape(name)}[^0-9]*([\d,]+) ([\d,]+) ([\d,]+)", text).groups()
    )


def test_organisers_see_confirmed_signatures_by_source_over_a_day_a_week_and_all_time(
    client, organiser, statement_page
):
    now = timezone.now()
    NamedSource.objects.create(code="leeds-tuc", name="Leeds TUC newsletter", kind=NamedSource.Kind.NEWSLETTER)
    NamedSource.objects.create(code="may-posters", name="May poster run", kind=NamedSource.Kind.POSTER)
    for age in (timedelta(hours=2), timedelta(days=3), timedelta(days=30)):
        SignatureFactory(page=statement_page, referral_code="leeds-tuc", confirmed_at=now - age)
    SignatureFactory(page=statement_page, referral_code="leeds-tuc", unconfirmed=True)  # not counted
    sharer = SignatureFactory(page=statement_page, confirmed_at=now - timedelta(days=40))
    other_sharer = SignatureFactory(page=statement_page, confirmed_at=now - timedelta(days=40))
    SignatureFactory(page=statement_page, referral_code=signer_code(sharer), confirmed_at=now - timedelta(hours=1))
    SignatureFactory(page=statement_page, referral_code=signer_code(other_sharer), confirmed_at=now - timedelta(days=2))
    SignatureFactory(page=statement_page, referral_code="stall-12", confirmed_at=now - timedelta(days=9))
    SignatureFactory(page=statement_page, referral_code="made-up", confirmed_at=now - timedelta(days=9))
    SignatureFactory(page=statement_page, referral_code="sheet-k7qxmp", confirmed_at=now - timedelta(days=9))
    SignatureFactory(page=statement_page, referral_code="poster", confirmed_at=now - timedelta(days=1, hours=1))

    text = sources_panel(client, organiser)

    assert "Where signers come from" in text
    assert row(text, "Leeds TUC newsletter") == (1, 2, 3)
    assert row(text, "May poster run") == (0, 0, 0)  # named, nothing yet: still listed
    assert row(text, "Shared by signers (each signer’s own link, counted together)") == (1, 2, 2)
    assert row(text, "Stalls (not named)") == (0, 0, 1)
    assert row(text, "Other codes") == (0, 0, 1)
    assert row(text, "Signature sheets (not named)") == (0, 0, 1)
    assert row(text, "Posters: the materials page’s QR code") == (0, 1, 1)
    assert row(text, "Direct") == (0, 0, 2)  # the two sharers themselves came by no code
    assert row(text, "All confirmed signatures") == (2, 5, 11)
    assert "s-" not in text  # no signer's own code is shown, only their group


def test_sources_named_by_an_organiser_are_counted_under_that_name(client, organiser, statement_page):
    NamedSource.objects.create(code="stall-12", name="Saturday stall, Briggate", kind=NamedSource.Kind.STALL)
    SignatureFactory(page=statement_page, referral_code="stall-12")

    text = sources_panel(client, organiser)

    assert row(text, "Saturday stall, Briggate") == (1, 1, 1)
    assert "Stalls (not named)" not in text


def test_plain_editors_see_no_sources(client, editor, statement_page):
    SignatureFactory(page=statement_page, referral_code="leeds-tuc")

    assert sources_panel(client, editor) is None


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    return len(queries)


def test_the_panel_costs_the_same_queries_whatever_the_number_of_codes(client, organiser, statement_page):
    """A thousand signers' own codes and a thousand made-up ones are grouped in the database, not listed."""
    client.force_login(organiser)
    SignatureFactory.create_batch(3, page=statement_page, referral_code="leeds-tuc")
    client.get("/admin/")
    before = count_queries(client)
    now = timezone.now()
    Signature.objects.bulk_create(
        Signature(page=statement_page, name=f"Bulk {n}", confirmed_at=now, referral_code=f"{'s-' if n % 2 else ''}c{n}")
        for n in range(2_000)
    )
    SignatureCount.add(statement_page.pk, Signature.Kind.PERSON, 2_000)

    assert count_queries(client) == before
    text = sources_panel(client, organiser)
    assert row(text, "Shared by signers") == (1_000, 1_000, 1_000)
    assert row(text, "Other codes") == (1_003, 1_003, 1_003)  # with the three unnamed "leeds-tuc"
