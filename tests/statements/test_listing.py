"""Who has signed, the counts as JSON, sharing, and the page's place in the tree."""

import json

import pytest
from django.utils import timezone

from home.models import HomePage
from statements.models import StatementPage
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
    import statements.views

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

    last = visible_text(client.get(url, {"page": 3}))
    assert "Person 6" in last and "Person 5" not in last
    assert "Older signatures" not in last and "Newer signatures" in last


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


@pytest.mark.parametrize(
    "params", [{"page": "x"}, {"page": "-5"}, {"page": "9" * 30}, {"kind": "<b>"}, {"q": "%" * 500}]
)
def test_signatories_shrug_off_odd_parameters(client, statement_page, site_settings, params):
    response = client.get(f"{statement_page.url}signatories/", params)
    assert response.status_code == 200
    assert "<b>" not in response.content.decode().split("<main")[1]


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
