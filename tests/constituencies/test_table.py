"""The constituencies' table: searched by name or postcode and sorted on the server (no JavaScript), paged."""

import re

import pytest

from campaign.constituencies import table
from tests.constituencies.factories import ConstituencyFactory, PostcodeFactory
from tests.html import visible_text
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db

URL = "/where-people-signed/"


def rows(response):
    """[(name, region, count)] of the constituencies' table, top to bottom."""
    html = response.content.decode()
    found = re.search(r'<table class="constituency-table">.*?</table>', html, re.S)
    if found is None:
        return []
    body = re.search(r"<tbody>(.*?)</tbody>", found.group(0), re.S).group(1)
    return [
        tuple(visible_text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S))
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


@pytest.fixture
def signed(statement_page, leeds, cardiff, islington):
    for _ in range(3):
        SignatureFactory(page=statement_page, constituency=cardiff.code, region="wales")
    SignatureFactory(page=statement_page, constituency=leeds.code, region="yorkshire")
    SignatureFactory(page=statement_page, constituency=leeds.code, unconfirmed=True)  # not counted


def test_most_signatures_first_each_linking_to_its_page(client, where_page, signed):
    response = client.get(URL)

    assert rows(response) == [
        ("Cardiff East", "Wales", "3"),
        ("Leeds Central and Headingley", "Yorkshire and the Humber", "1"),
        ("Islington North", "London", "0"),
    ]
    assert '<a href="/where-people-signed/W07000090/">Cardiff East</a>' in response.content.decode()
    assert 'aria-sort="descending"' in response.content.decode()


@pytest.mark.parametrize(
    ("sort", "first"), [("name", "Cardiff East"), ("region", "Islington North"), ("count", "Cardiff East")]
)
def test_sorted_by_the_column_asked_for(client, where_page, signed, sort, first):
    response = client.get(URL, {"sort": sort})
    assert rows(response)[0][0] == first
    assert len(rows(response)) == 3


def test_a_sort_that_is_not_one_gives_the_usual_order(client, where_page, signed):
    assert rows(client.get(URL, {"sort": "'; DROP TABLE"}))[0][0] == "Cardiff East"


def test_the_column_headings_are_the_sort_links_keeping_the_search(client, where_page, signed):
    html = client.get(URL, {"q": "e", "sort": "name"}).content.decode()
    assert 'href="?q=e&amp;sort=region#constituencies-heading"' in html
    assert 'aria-sort="ascending"' in html
    assert '<input type="hidden" name="sort" value="name">' in html  # a new search keeps the order


def test_search_by_part_of_the_name(client, where_page, signed):
    assert rows(client.get(URL, {"q": "  leeds   central "})) == [
        ("Leeds Central and Headingley", "Yorkshire and the Humber", "1")
    ]


def test_search_by_postcode_finds_its_constituency(client, where_page, signed, leeds):
    PostcodeFactory(postcode="LS61AB", outward="LS6", constituency=leeds.code)
    assert [row[0] for row in rows(client.get(URL, {"q": "ls6 1ab"}))] == ["Leeds Central and Headingley"]


def test_a_search_that_finds_nothing_says_so(client, where_page, signed):
    response = client.get(URL, {"q": "<Atlantis>"})
    assert rows(response) == []
    assert "No constituency matches “<Atlantis>”" in visible_text(response)
    assert "<Atlantis>" not in response.content.decode()  # escaped


def test_a_long_search_is_cut_short(client, where_page, signed):
    response = client.get(URL, {"q": "x" * 5000})
    assert response.status_code == 200
    assert "x" * 101 not in response.content.decode()


def test_before_the_lookup_is_imported_the_table_says_so(client, where_page):
    assert "The list of constituencies has not been loaded yet." in visible_text(client.get(URL))


def test_a_long_list_is_paged_keeping_search_and_order(client, where_page, statement_page, monkeypatch):
    monkeypatch.setattr(table, "PER_PAGE", 2)
    for number in range(5):
        ConstituencyFactory(name=f"Town {number}")
    first = client.get(URL, {"sort": "name"})
    assert [row[0] for row in rows(first)] == ["Town 0", "Town 1"]
    assert "(page 1 of 3)" in visible_text(first)
    html = first.content.decode()
    assert 'href="?sort=name&amp;page=2#constituencies-heading">Next page' in html
    assert "Previous page" not in html

    last = client.get(URL, {"sort": "name", "page": "3"})
    assert [row[0] for row in rows(last)] == ["Town 4"]
    assert 'href="?sort=name&amp;page=2#constituencies-heading">Previous page' in last.content.decode()
    assert [row[0] for row in rows(client.get(URL, {"sort": "name", "page": "999"}))] == ["Town 4"]
    assert [row[0] for row in rows(client.get(URL, {"sort": "name", "page": "x"}))] == ["Town 0", "Town 1"]
