"""The page itself: where editors may add it, which statement it counts, and the demo builder."""

import pytest
from wagtail.models import Page

from campaign.constituencies import demo
from campaign.constituencies.models import WhereSignedPage
from home.models import HomePage
from statements.models import StatementPage
from tests.statements.factories import SignatureFactory, StatementPageFactory

pytestmark = pytest.mark.django_db


def test_one_page_under_the_home_page_only():
    assert WhereSignedPage.parent_page_types == ["home.HomePage"]
    assert WhereSignedPage.subpage_types == []
    assert WhereSignedPage.max_count == 1
    assert WhereSignedPage in HomePage.allowed_subpage_models()
    assert WhereSignedPage not in StatementPage.allowed_subpage_models()


def test_it_counts_the_first_statement_unless_an_editor_chooses(client, where_page, statement_page, leeds):
    second = StatementPageFactory(parent=where_page.get_parent(), slug="second", title="Second statement")
    SignatureFactory(page=second, constituency=leeds.code)
    leeds_url = f"{where_page.url}{leeds.code}/"
    assert where_page.statement_page() == statement_page
    assert "No one here has signed yet" in client.get(leeds_url).content.decode()

    where_page.statement = second
    where_page.save_revision().publish()
    html = client.get(leeds_url).content.decode()
    assert "<strong>1</strong> person or organisation has signed here" in html
    assert f'href="{second.url}#sign"' in html

    second.unpublish()
    assert WhereSignedPage.objects.get().statement_page() == statement_page  # a chosen one taken down: the first


def test_the_demo_builds_the_page_once_in_the_menu(home_page):
    first = demo.build(home_page)
    again = demo.build(home_page)
    assert first.pk == again.pk
    assert WhereSignedPage.objects.count() == 1
    page = Page.objects.get(pk=first.pk)
    assert page.live and page.show_in_menus and page.url == "/where-people-signed/"
