"""Signatures by Westminster constituency: found from the postcode at signing, counted, shown and filtered.

The postcode lookup here is the demo's sample (core/places/demo.py): LS2 7HY and LS6 1AN are in
Leeds Central and Headingley (E14001319), LS9 8AB in Leeds East, CF24 4HQ in Cardiff East.
"""

import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from core.places import demo as places_demo
from core.places.models import Constituency
from statements.constituencies import counts_by_constituency, one_of
from statements.models import Signature, SignatureCount, StatementPage
from tests.html import visible_text
from tests.statements.factories import SignatureFactory
from tests.statements.test_admin import LIST_URL, list_headings, list_rows, read_csv
from tests.statements.visitor import confirm, link_in, sign

pytestmark = pytest.mark.django_db

LEEDS_CENTRAL, LEEDS_EAST, CARDIFF_EAST = "E14001319", "E14001320", "W07000089"


@pytest.fixture
def lookup(db):
    """The demo's sample of the ONS postcode lookup, as `manage.py import_postcodes` would load the real one."""
    places_demo.build()


def kept(page, code):
    return page.counter_totals().get(f"c:{code}", 0)


def sign_and_confirm(client, page, **fields):
    mail.outbox.clear()
    response = sign(client, page, **fields)
    assert response.status_code == 302, visible_text(response)
    return confirm(client, link_in(mail.outbox[-1], "confirm"))


def test_a_postcode_in_the_lookup_gives_the_constituency_kept_without_the_postcode_and_counted_once_confirmed(
    client, statement_page, site_settings, lookup
):
    mail.outbox.clear()
    sign(client, statement_page, email="ada@example.org", region="", postcode=" ls2 7hy ")
    signature = Signature.objects.get(email="ada@example.org")
    assert (signature.constituency, signature.region) == (LEEDS_CENTRAL, "yorkshire")
    kept_values = " ".join(str(value) for value in Signature.objects.filter(pk=signature.pk).values().get().values())
    assert "LS2" not in kept_values.upper() and "7HY" not in kept_values.upper()  # never the postcode
    assert kept(statement_page, LEEDS_CENTRAL) == 0  # not counted until confirmed

    confirm(client, link_in(mail.outbox[-1], "confirm"))

    assert kept(statement_page, LEEDS_CENTRAL) == 1
    assert counts_by_constituency(statement_page) == [(LEEDS_CENTRAL, "Leeds Central and Headingley", 1)]


def test_a_postcode_given_with_a_chosen_region_still_finds_the_constituency(
    client, statement_page, site_settings, lookup
):
    sign(client, statement_page, email="both@example.org", region="yorkshire", postcode="LS2 7HY")
    assert Signature.objects.get(email="both@example.org").constituency == LEEDS_CENTRAL


def test_a_region_chosen_without_a_postcode_counts_for_the_region_and_no_constituency(
    client, statement_page, site_settings, lookup
):
    sign_and_confirm(client, statement_page, email="wales@example.org", region="wales", postcode="")
    signature = Signature.objects.get(email="wales@example.org")
    assert (signature.region, signature.constituency) == ("wales", "")
    assert statement_page.counter_totals().get("r:wales") == 1
    assert counts_by_constituency(statement_page) == []


@pytest.mark.parametrize("postcode", ["LS1 1AA", "LS2"])
def test_a_postcode_the_lookup_cannot_place_in_a_constituency_still_signs_with_its_region(
    client, statement_page, site_settings, lookup, postcode
):
    """Not in the lookup, or only its first half (a district may straddle two constituencies)."""
    sign_and_confirm(client, statement_page, email="somewhere@example.org", region="", postcode=postcode)
    signature = Signature.objects.get(email="somewhere@example.org")
    assert (signature.region, signature.constituency, signature.is_confirmed) == ("yorkshire", "", True)


def test_moving_and_withdrawing_move_the_constituency_counts_and_the_recount_repairs_drift(statement_page, lookup):
    ada = SignatureFactory(page=statement_page, constituency=LEEDS_CENTRAL)
    SignatureFactory(page=statement_page, constituency=LEEDS_CENTRAL)
    SignatureFactory(page=statement_page, constituency=LEEDS_EAST, unconfirmed=True)  # not counted
    assert counts_by_constituency(statement_page) == [(LEEDS_CENTRAL, "Leeds Central and Headingley", 2)]

    ada.constituency = LEEDS_EAST
    ada.save()
    assert kept(statement_page, LEEDS_CENTRAL) == kept(statement_page, LEEDS_EAST) == 1
    ada.delete()
    assert kept(statement_page, LEEDS_EAST) == 0

    SignatureCount.add(statement_page.pk, f"c:{LEEDS_CENTRAL}", 36)  # drift (a crash, a hand edit)
    SignatureCount.add(statement_page.pk, f"c:{CARDIFF_EAST}", 3)
    out = StringIO()
    with pytest.raises(CommandError, match="drifted"):
        call_command("recount_signatures", "--check", stdout=out)
    assert f"c:{LEEDS_CENTRAL} kept 37, counted 1" in out.getvalue()
    call_command("recount_signatures", stdout=StringIO())
    assert counts_by_constituency(statement_page) == [(LEEDS_CENTRAL, "Leeds Central and Headingley", 1)]


def test_counts_come_largest_first_then_by_name_and_a_code_the_lookup_lost_is_named_by_its_code(statement_page, lookup):
    SignatureFactory.create_batch(2, page=statement_page, constituency=CARDIFF_EAST)
    SignatureFactory(page=statement_page, constituency=LEEDS_EAST)
    SignatureFactory(page=statement_page, constituency=LEEDS_CENTRAL)
    SignatureFactory(page=statement_page, constituency="E14009999")
    assert counts_by_constituency(statement_page) == [
        (CARDIFF_EAST, "Cardiff East", 2),
        ("E14009999", "E14009999", 1),
        (LEEDS_CENTRAL, "Leeds Central and Headingley", 1),
        (LEEDS_EAST, "Leeds East", 1),
    ]


def test_statement_json_gives_counts_by_constituency_with_names_to_any_site(
    client, statement_page, site_settings, lookup
):
    SignatureFactory.create_batch(3, page=statement_page, constituency=LEEDS_CENTRAL)
    SignatureFactory(page=statement_page, constituency=CARDIFF_EAST)
    SignatureFactory(page=statement_page, constituency=LEEDS_EAST, unconfirmed=True)

    response = client.get("/statement.json", HTTP_ORIGIN="https://partner.example")

    assert json.loads(response.content)["by_constituency"] == {
        LEEDS_CENTRAL: {"name": "Leeds Central and Headingley", "count": 3},
        CARDIFF_EAST: {"name": "Cardiff East", "count": 1},
    }
    assert list(json.loads(response.content)["by_constituency"]) == [LEEDS_CENTRAL, CARDIFF_EAST]  # largest first
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.has_header("Access-Control-Allow-Credentials")  # never with a visitor's cookies
    assert "public" in response["Cache-Control"]


def test_statement_json_answers_reading_only(client, statement_page, site_settings):
    assert client.head("/statement.json").status_code == 200
    for method in (client.post, client.put, client.delete):
        assert method("/statement.json").status_code == 405


def test_statement_json_costs_the_same_queries_with_10_and_1000_signatures_in_many_constituencies(
    client, statement_page, site_settings, lookup
):
    codes = [f"E1400{2000 + number}" for number in range(40)]
    Constituency.objects.bulk_create(Constituency(code=code, name=f"Place {code}") for code in codes)
    SignatureFactory.create_batch(10, page=statement_page, constituency=LEEDS_CENTRAL)
    client.get("/statement.json")  # warm what is kept and not about signatures

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/statement.json").status_code == 200
        return len(captured)

    few = queries()
    first = Signature.objects.first()
    Signature.objects.bulk_create(
        Signature(
            page=statement_page,
            name=f"Bulk {n}",
            email=f"bulk{n}@example.org",
            email_normalised=f"bulk{n}@example.org",
            constituency=codes[n % 40],
            kind=first.kind,
            confirmed_at=first.confirmed_at,
        )
        for n in range(990)
    )
    call_command("recount_signatures", stdout=StringIO())
    client.get("/statement.json")

    assert queries() == few
    by_constituency = json.loads(client.get("/statement.json").content)["by_constituency"]
    assert len(by_constituency) == 41 and by_constituency[codes[0]] == {"name": f"Place {codes[0]}", "count": 25}


def render_line(signature):
    return Template("{% load constituency_tags %}{% one_of_line signature %}").render(Context({"signature": signature}))


def test_the_thank_you_line_says_how_many_have_signed_in_the_signers_constituency(statement_page, lookup):
    first = SignatureFactory(page=statement_page, constituency=LEEDS_CENTRAL)
    assert (
        render_line(first) == '<p class="one-of">You are the first person in Leeds Central and Headingley to sign.</p>'
    )

    SignatureFactory.create_batch(36, page=statement_page, constituency=LEEDS_CENTRAL)
    assert (
        visible_text(render_line(first)) == "You are one of 37 people in Leeds Central and Headingley who have signed."
    )
    SignatureCount.add(statement_page.pk, f"c:{CARDIFF_EAST}", 1000)  # as if a thousand had signed there
    branch = SignatureFactory(page=statement_page, constituency=CARDIFF_EAST, organisation_kind=True)
    assert visible_text(render_line(branch)) == "Yours is one of 1,001 signatures from Cardiff East."


def test_the_thank_you_line_is_left_out_when_there_is_nothing_true_to_say(statement_page, lookup):
    waiting = SignatureFactory(page=statement_page, constituency=LEEDS_CENTRAL, unconfirmed=True)
    nowhere = SignatureFactory(page=statement_page, region="wales")
    unknown = SignatureFactory(page=statement_page, constituency="E14009999")
    for signature in (None, waiting, nowhere, unknown):
        assert render_line(signature) == ""
        assert one_of(signature) is None


def test_the_thank_you_line_escapes_a_name_and_costs_two_queries(statement_page, django_assert_num_queries):
    Constituency.objects.create(code="E14002001", name="<b>Bold</b> & Co")
    signature = SignatureFactory(page=statement_page, constituency="E14002001")
    with django_assert_num_queries(2):
        html = render_line(signature)
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in html


@pytest.fixture
def placed_signatures(statement_page, lookup):
    SignatureFactory(page=statement_page, name="Ada Central", constituency=LEEDS_CENTRAL)
    SignatureFactory(page=statement_page, name="Bo Central", constituency=LEEDS_CENTRAL, unconfirmed=True)
    SignatureFactory(page=statement_page, name="Cy East", constituency=LEEDS_EAST)
    SignatureFactory(page=statement_page, name="Di Nowhere")


def test_organisers_see_each_signatures_constituency_and_filter_the_list_and_its_download_by_it(
    client, organiser, placed_signatures
):
    client.force_login(organiser)
    response = client.get(LIST_URL)
    html = response.content.decode()
    assert "Constituency" in list_headings(html)
    assert any("Ada Central" in row and "Leeds Central and Headingley" in row for row in list_rows(response))

    filters = visible_text(html).split("By constituency")[1]
    assert filters.index("Leeds Central and Headingley") < filters.index("Leeds East")  # by name
    assert "Cardiff East" not in filters  # in the lookup, but nobody has signed there

    shown = " ".join(list_rows(client.get(LIST_URL, {"constituency": LEEDS_CENTRAL})))
    assert "Ada Central" in shown and "Bo Central" in shown and "Cy East" not in shown and "Di Nowhere" not in shown

    rows = read_csv(client.get(LIST_URL, {"constituency": LEEDS_EAST, "export": "csv"}))
    assert [(row["Signed as"], row["Constituency"]) for row in rows] == [("Cy East", "Leeds East")]
    everyone = read_csv(client.get(LIST_URL, {"export": "csv"}))
    assert {row["Signed as"]: row["Constituency"] for row in everyone}["Di Nowhere"] == "-"


@pytest.mark.parametrize("value", ["Leeds", "E1400131", "'; DROP TABLE x; --"])
def test_a_constituency_filter_given_something_else_is_refused(client, organiser, placed_signatures, value):
    client.force_login(organiser)
    assert client.get(LIST_URL, {"constituency": value}).status_code == 400


def test_the_list_costs_the_same_queries_with_a_few_or_many_constituencies(client, organiser, statement_page, lookup):
    codes = [f"E1400{2000 + number}" for number in range(60)]
    Constituency.objects.bulk_create(Constituency(code=code, name=f"Place {code}") for code in codes)
    SignatureFactory.create_batch(3, page=statement_page, constituency=LEEDS_CENTRAL)
    client.force_login(organiser)
    client.get(LIST_URL)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST_URL).status_code == 200
        return len(captured)

    few = queries()
    for code in codes:
        SignatureFactory(page=statement_page, constituency=code)
    client.get(LIST_URL)

    assert queries() == few
    assert "Place E14002059" in visible_text(client.get(LIST_URL))


def test_the_demo_signers_who_gave_a_postcode_are_counted_in_their_constituencies(home_page, lookup):
    call_command("load_demo_content", verbosity=0)
    page = StatementPage.objects.get(slug="statement")
    places = {name: count for _, name, count in counts_by_constituency(page)}
    assert places["Leeds Central and Headingley"] == 1 and places["Glasgow East"] == 1
    assert len(places) == 6

    call_command("load_demo_content", verbosity=0)
    assert {name: count for _, name, count in counts_by_constituency(page)} == places


def test_the_thank_you_page_tells_the_signer_how_many_have_signed_where_they_live(
    client, statement_page, site_settings, lookup
):
    sign_and_confirm(client, statement_page, email="first@example.org", region="", postcode="LS2 7HY")
    confirmed = sign_and_confirm(client, statement_page, email="second@example.org", region="", postcode="LS6 1AN")
    response = client.get(confirmed["Location"])

    assert "You are one of 2 people in Leeds Central and Headingley who have signed." in visible_text(response)
