"""Who has backed the statement: organisations by type and union, everyone by nation or region, kept counts."""

import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from core.regions import Region, region_for_postcode
from statements.models import Signature, SignatureCount, StatementPage, Union
from tests.html import visible_text
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import confirm, link_in, sign

pytestmark = pytest.mark.django_db

UNION_BRANCH = {
    "kind": "organisation",
    "name": "Ann Chair",
    "organisation": "Leeds Central branch",
    "organisation_type": "union",
    "role": "Secretary",
    "email": "branch@example.org",
}


@pytest.fixture
def unite(db):
    return Union.objects.create(name="Unite")


def spread_text(client, page):
    html = client.get(page.url).content.decode()
    start = html.find('<section class="spread"')
    return visible_text(html[start : html.find("</section>", start)]) if start >= 0 else ""


def sign_and_confirm(client, page, **fields):
    mail.outbox.clear()
    response = sign(client, page, **fields)
    assert response.status_code == 302, visible_text(response)
    confirm(client, link_in(mail.outbox[-1], "confirm"))


def test_a_union_branch_signs_and_the_page_and_json_show_it_by_union_and_region(
    client, statement_page, site_settings, unite
):
    sign_and_confirm(client, statement_page, **UNION_BRANCH, union=str(unite.pk), region="", postcode="LS6 2AB")
    sign_and_confirm(client, statement_page, email="wales@example.org", region="wales")

    signature = Signature.objects.get(email="branch@example.org")
    assert (signature.union, signature.region, signature.organisation_type) == (unite, "yorkshire", "union")
    text = spread_text(client, statement_page)
    assert "Union bodies that have signed, by union Union Signed Unite 1" in text
    assert "Yorkshire and the Humber 1" in text and "Wales 1" in text
    counts = json.loads(client.get("/statement.json").content)
    assert counts["by_union"] == {"Unite": 1}
    assert counts["by_region"] == {"Wales": 1, "Yorkshire and the Humber": 1}


def test_a_union_an_editor_adds_or_unlists_shows_in_the_sign_form_at_once(client, statement_page, unite):
    def offered():
        html = client.get(statement_page.url).content.decode()  # the page cache's copy once it has one
        select = html[html.find('name="union"') : html.find("</select>", html.find('name="union"'))]
        return [name for name in ("Unite", "Bakers’ Union") if f">{name}<" in select]

    assert offered() == ["Unite"]
    assert offered() == ["Unite"]  # now from the cache
    bakers = Union.objects.create(name="Bakers’ Union")
    assert offered() == ["Unite", "Bakers’ Union"]
    unite.listed = False
    unite.save()
    assert offered() == ["Bakers’ Union"]
    assert sign(client, statement_page, **UNION_BRANCH, union=str(bakers.pk)).status_code == 302


def test_another_union_is_counted_under_other_unions(client, statement_page, site_settings):
    sign_and_confirm(client, statement_page, **UNION_BRANCH, union="other", union_other="Musicians’ Union")

    assert Signature.objects.get().union_other == "Musicians’ Union"
    assert json.loads(client.get("/statement.json").content)["by_union"] == {"Other unions": 1}


def test_an_unknown_union_gets_a_clear_message_and_keeps_what_was_typed(client, statement_page, site_settings):
    response = sign(client, statement_page, **UNION_BRANCH, union="99999")

    text = visible_text(response)
    assert response.status_code == 200
    assert "Please choose a union from the list, or choose “Another union” and give its name." in text
    assert 'value="Leeds Central branch"' in response.content.decode()
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"organisation_type": ""}, "Please choose the type of organisation, or “Other organisation”."),
        ({"union": ""}, "Please choose the union, or “Another union” and give its name."),
        ({"union": "other", "union_other": ""}, "Please give the union’s name."),
    ],
)
def test_an_organisation_says_what_it_is(client, statement_page, site_settings, changes, message):
    response = sign(client, statement_page, **{**UNION_BRANCH, **changes})

    assert message in visible_text(response)
    assert not Signature.objects.exists()


def test_the_form_never_calls_the_region_optional_since_it_asks_for_it_or_a_postcode(
    client, statement_page, site_settings
):
    text = visible_text(client.get(statement_page.url))
    # Its label, then its help, no "(optional)".
    assert "Postcode For counts by region and constituency" in text
    assert "No UK postcode? Where you are Choose" in text
    assert "(optional)" not in text.split("Postcode")[1].split("Show my name")[0]


@pytest.mark.parametrize(
    ("postcode", "message"),
    [
        ("", "Please give your postcode, or choose where you are (or that you’d rather not say)."),
        ("NOT A CODE", "Please check the postcode (for example LS6 2AB), or choose where you are."),
        ("JE2 3AB", "We cannot place that postcode in a UK nation or region: please choose one."),
    ],
)
def test_everyone_says_where_they_are(client, statement_page, site_settings, postcode, message):
    response = sign(client, statement_page, region="", postcode=postcode)

    assert message in visible_text(response)
    assert 'value="Rosa Example"' in response.content.decode()
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    ("postcode", "region"),
    [
        ("ls6 2ab", Region.YORKSHIRE),
        ("SW1A 1AA", Region.LONDON),
        ("M1", Region.NORTH_WEST),
        ("CH5 1AB", Region.WALES),
        ("CH1 1AB", Region.NORTH_WEST),
        ("TD15 1AA", Region.NORTH_EAST),
        ("G2 1AA", Region.SCOTLAND),
        ("BT1 1AA", Region.NORTHERN_IRELAND),
        ("TW9 1AA", Region.LONDON),
        ("TW18 1AA", Region.SOUTH_EAST),
    ],
)
def test_postcodes_find_their_region(postcode, region):
    assert region_for_postcode(postcode) == region


def test_a_person_is_counted_by_region_only(client, statement_page, site_settings, unite):
    sign_and_confirm(client, statement_page, union=str(unite.pk), organisation_type="union", region="scotland")

    signature = Signature.objects.get()
    assert (signature.union, signature.organisation_type, signature.region) == (None, "", "scotland")
    assert json.loads(client.get("/statement.json").content)["by_union"] == {}


def test_edits_and_withdrawals_move_the_counts_and_the_recount_repairs_them(statement_page, unite):
    branch = SignatureFactory(page=statement_page, organisation_kind=True, union=unite, region="london")
    SignatureFactory(page=statement_page, region="london")
    SignatureFactory(page=statement_page, region="wales", unconfirmed=True)  # not counted
    assert statement_page.spread()["regions"] == [("London", 2)]

    branch.region = "wales"
    branch.save()
    assert statement_page.spread()["regions"] == [("London", 1), ("Wales", 1)]
    branch.delete()
    assert statement_page.spread() == {"unions": [], "regions": [("London", 1)], "largest": 1}

    SignatureCount.objects.all().update(count=7)  # drift
    call_command("recount_signatures", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert statement_page.spread()["regions"] == [("London", 1)]
    assert statement_page.counts()["total"] == 1


def test_the_statement_page_costs_the_same_queries_with_10_and_100000_signatures(
    client, statement_page, site_settings, unite
):
    SignatureFactory.create_batch(8, page=statement_page, region="london")
    SignatureFactory.create_batch(2, page=statement_page, organisation_kind=True, union=unite, region="wales")
    client.get(statement_page.url)  # warm caches that are not about signatures

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(statement_page.url).status_code == 200
        return len(captured)

    few = queries()
    first = Signature.objects.order_by("pk").first()
    Signature.objects.bulk_create(
        Signature(
            page=statement_page,
            name=f"Bulk {n}",
            email=f"bulk{n}@example.org",
            email_normalised=f"bulk{n}@example.org",
            region=Region.values[n % 13],
            kind=first.kind,
            confirmed_at=first.confirmed_at,
            show_publicly=True,
        )
        for n in range(99_990)
    )
    call_command("recount_signatures", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert statement_page.counts()["total"] == 100_000
    client.get(statement_page.url)  # the recount moved the publish clock: warm again what is kept until then
    assert queries() == few
    assert "London 7700" in spread_text(client, statement_page)


def test_the_demo_shows_its_spread_by_union_and_region(client):
    call_command("load_demo_content", verbosity=0)
    Site.objects.filter(is_default_site=True).update(hostname="testserver")

    text = spread_text(client, StatementPage.objects.get(slug="statement"))
    assert "Union bodies that have signed, by union Union Signed CWU 1 Unite 1" in text
    assert "Signatures by nation and region Nation or region Signed London 2 Yorkshire and the Humber 2" in text
