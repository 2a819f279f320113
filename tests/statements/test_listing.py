"""Who has signed, the counts as JSON, sharing, and the page's place in the tree."""

import html
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import statements.views
from home.models import HomePage
from statements.models import Signature, StatementPage
from tests.html import visible_text
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def test_statement_page_shows_newest_organisations_and_people(client, statement_page, site_settings):
    now = timezone.now()
    SignatureFactory(page=statement_page, name="Older Person", confirmed_at=now - timezone.timedelta(days=1))
    SignatureFactory(page=statement_page, name="Newer Person", confirmed_at=now)
    SignatureFactory(page=statement_page, organisation_kind=True, name="Ann", organisation="Branch One")
    SignatureFactory(page=statement_page, name="Shy Person", show_publicly=False)
    SignatureFactory(page=statement_page, name="Pending Person", unconfirmed=True)

    text = visible_text(client.get(statement_page.url))

    assert text.index("Newer Person") < text.index("Older Person")
    assert "Branch One (Ann, Secretary)" in text
    assert "Shy Person" not in text and "Pending Person" not in text
    assert "3 people and 1 organisation have signed" in text


def test_signatories_page_paginates_without_counting(client, statement_page, site_settings, monkeypatch):
    monkeypatch.setattr(statements.views, "SIGNATORIES_PER_PAGE", 3)
    now = timezone.now()
    for number in range(7):
        SignatureFactory(
            page=statement_page,
            name=f"Person {number}",
            confirmed_at=now - timezone.timedelta(minutes=number),
        )
    url = f"{statement_page.url}signatories/"

    first = visible_text(client.get(url))
    assert "Person 0" in first and "Person 2" in first and "Person 3" not in first
    assert "Older signatures" in first and "Newer signatures" not in first

    second = client.get(url + link(client.get(url), "Older"))
    last = client.get(url + link(second, "Older"))
    assert "Person 6" in visible_text(last) and "Person 5" not in visible_text(last)
    assert link(last, "Older") is None and link(last, "Newer")


def link(response, direction):
    """The query string of the page's "Older signatures" or "Newer signatures" link, or None."""
    found = re.search(rf'<a href="(\?[^"]*)">{direction} signatures</a>', response.content.decode())
    return html.unescape(found.group(1)) if found else None


def names(response):
    """The names (or organisations) listed on a signatories page, in order."""
    found = re.search(r'<[ou]l class="signature-list"[^>]*>(.*?)</[ou]l>', response.content.decode(), re.S)
    return re.findall(r"<li>(?:<strong>)?([^<]+)", found.group(1)) if found else []


def walk(client, url, direction, start=""):
    """Every page from `start`, following one direction's links; returns the pages' names in order."""
    pages, query = [], start
    while query is not None:
        response = client.get(url + query)
        assert response.status_code == 200
        pages.append(names(response))
        query = link(response, direction)
    return pages


def test_walking_the_list_shows_every_signatory_once_even_with_ties_and_new_signatures(
    client, statement_page, site_settings, monkeypatch
):
    """Pages follow the last row seen: a signature confirmed meanwhile shifts nothing.

    Several signatures share a confirmation time (a paper import confirms a
    sheet at once), so the position needs the id as well as the time.
    """
    monkeypatch.setattr(statements.views, "SIGNATORIES_PER_PAGE", 4)
    now = timezone.now()
    for number in range(15):
        SignatureFactory(
            page=statement_page,
            name=f"Person {number:02}",
            confirmed_at=now - timezone.timedelta(minutes=number // 3),  # three at each time
        )
    SignatureFactory(page=statement_page, name="Shy Person", show_publicly=False)
    url = f"{statement_page.url}signatories/"
    first = client.get(url)
    SignatureFactory(page=statement_page, name="Late Arrival", confirmed_at=now + timezone.timedelta(minutes=1))

    older = [names(first), *walk(client, url, "Older", link(first, "Older"))]

    seen = [name for page in older for name in page]
    expected = [signature.name for signature in statement_page.signatures.listed()]
    assert "Late Arrival" not in seen and "Shy Person" not in seen
    assert seen == expected[1:]  # each once, in the list's order
    assert [len(page) for page in older] == [4, 4, 4, 3]

    # And back up from the last page by "Newer": the same rows, each once, and the newcomer at the top.
    last = client.get(url + link(client.get(url + link(client.get(url + link(first, "Older")), "Older")), "Older"))
    newer = walk(client, url, "Newer", link(last, "Newer"))
    assert [name for page in reversed(newer) for name in page] == expected[:-3]


def test_pagination_keeps_the_search_and_the_kind(client, statement_page, site_settings, monkeypatch):
    monkeypatch.setattr(statements.views, "SIGNATORIES_PER_PAGE", 2)
    for number in range(5):
        SignatureFactory(page=statement_page, name=f"Rosa {number}")
        SignatureFactory(page=statement_page, organisation_kind=True, name=f"Rosa Org {number}")
        SignatureFactory(page=statement_page, name=f"Karl {number}")
    url = f"{statement_page.url}signatories/"

    pages = walk(client, url, "Older", "?kind=person&q=rosa")

    assert sorted(name for page in pages for name in page) == [f"Rosa {number}" for number in range(5)]


def test_the_last_page_costs_what_the_first_costs_and_skips_nothing_by_offset(
    client, statement_page, site_settings, monkeypatch
):
    monkeypatch.setattr(statements.views, "SIGNATORIES_PER_PAGE", 5)
    now = timezone.now()
    Signature.objects.bulk_create(
        SignatureFactory.build(page=statement_page, email="", confirmed_at=now - timezone.timedelta(seconds=number))
        for number in range(200)
    )
    url = f"{statement_page.url}signatories/"
    near_the_end = statements.views.position_of(list(statement_page.signatures.listed())[-6])

    client.get(url)  # the first request of all also loads what every page then keeps (site, settings)
    with CaptureQueriesContext(connection) as first:
        assert client.get(url, {"q": ""}).status_code == 200
    with CaptureQueriesContext(connection) as last:
        response = client.get(url, {"before": near_the_end})

    assert len(names(response)) == 5 and link(response, "Older") is None
    assert len(last) == len(first)
    listing = [query["sql"] for query in last if "statements_signature" in query["sql"] and "LIMIT" in query["sql"]]
    assert listing and not any("OFFSET" in sql for sql in listing)


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SKIPPED EXPLAIN of a deep page: needs PostgreSQL")
def test_a_deep_page_reads_the_index_from_its_position_on_postgresql(client, statement_page, site_settings):
    now = timezone.now()
    for kind in Signature.Kind.values:
        Signature.objects.bulk_create(
            SignatureFactory.build(
                page=statement_page, kind=kind, email="", confirmed_at=now - timezone.timedelta(seconds=number)
            )
            for number in range(5000)
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE statements_signature")
    deep = list(statement_page.signatures.listed()[9000:9001])[0]
    url = f"{statement_page.url}signatories/"

    for params in ({}, {"kind": "person"}):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"before": statements.views.position_of(deep), **params})
        assert response.status_code == 200
        [sql] = [query["sql"] for query in queries if 'FROM "statements_signature"' in query["sql"]]
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "OFFSET" not in sql
        assert re.search(r"Index (Only )?Scan using signature_list_(everyone|kind)", plan), plan
        assert "Sort" not in plan, plan


@pytest.mark.parametrize(
    "params",
    [
        {"page": "x"},
        {"page": "-5"},
        {"page": "9" * 30},
        {"kind": "<b>"},
        {"q": "%" * 500},
        {"before": "nonsense"},
        {"before": "9" * 20 + "_1"},
        {"before": "1_" + "9" * 20},
        {"after": "-1_-1"},
        {"after": "1_1"},
        {"before": "0_0"},
    ],
)
def test_signatories_shrug_off_odd_parameters(client, statement_page, site_settings, params):
    SignatureFactory(page=statement_page, name="Only Person")
    response = client.get(f"{statement_page.url}signatories/", params)
    assert response.status_code == 200
    assert "<b>" not in response.content.decode().split("<main")[1]
    if "q" not in params:
        assert names(response) == ["Only Person"]  # the first page


def test_signatories_filter_by_kind_and_search(client, statement_page, site_settings):
    SignatureFactory(page=statement_page, name="Rosa Luxembourg")
    SignatureFactory(page=statement_page, name="Karl Example")
    SignatureFactory(page=statement_page, organisation_kind=True, name="Ann", organisation="Rosa Branch")
    url = f"{statement_page.url}signatories/"

    assert "Karl" not in visible_text(client.get(url, {"q": "rosa"}))
    found = visible_text(client.get(url, {"q": "ROSA"}))
    assert "Rosa Luxembourg" in found and "Rosa Branch" in found
    organisations = visible_text(client.get(url, {"kind": "organisation"}))
    assert "Rosa Branch" in organisations and "Rosa Luxembourg" not in organisations
    assert "matches “nobody”" in visible_text(client.get(url, {"q": "nobody"}))


def test_count_json_reports_confirmed_counts_and_is_cacheable(client, statement_page, site_settings):
    SignatureFactory.create_batch(2, page=statement_page)
    SignatureFactory(page=statement_page, organisation_kind=True)
    SignatureFactory(page=statement_page, unconfirmed=True)

    response = client.get("/statement.json")

    assert response["Content-Type"] == "application/json"
    assert "max-age=30" in response["Cache-Control"] and "public" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data == {
        "statement": "Our statement",
        "url": "http://testserver/statement/",
        "signatures": 3,
        "people": 2,
        "organisations": 1,
        "goal": 100,
        "by_union": {},  # the factories' signatures give no union or region (tests/statements/test_spread.py has them)
        "by_region": {},
        "by_constituency": {},  # tests/statements/test_constituency_counts.py has them
    }


def test_share_links_and_open_graph_tags(client, statement_page, site_settings):
    statement_page.share_text = "I signed & so can you"
    statement_page.save_revision().publish()
    html = client.get(statement_page.url).content.decode()
    assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2Fstatement%2F" in html
    assert "https://x.com/intent/post?text=I+signed+%26+so+can+you" in html
    assert "https://wa.me/?text=" in html
    assert "mailto:?subject=I%20signed%20%26%20so%20can%20you" in html
    assert '<meta property="og:title" content="Our statement">' in html
    assert '<meta property="og:description" content="A short standfirst.">' in html
    assert '<meta property="og:url" content="http://testserver/statement/">' in html
    assert 'value="http://testserver/statement/" readonly data-copy' in html
    assert '<script src="http' not in html  # no third-party scripts


def test_statement_pages_live_under_the_home_page_only(home_page):
    assert StatementPage.can_create_at(home_page)
    assert not StatementPage.can_create_at(StatementPage(title="x"))
    assert StatementPage.allowed_subpage_models() == []
    assert HomePage in StatementPage.allowed_parent_page_models()


def test_count_json_for_an_unknown_page_is_404(client, home_page, site_settings):
    assert client.get("/nothing-here.json").status_code == 404
    assert client.get("/privacy.json").status_code == 404
