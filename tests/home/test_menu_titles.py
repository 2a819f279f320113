"""Short menu titles: a page with a long title gets a few words in the main menu, set by editors."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def menu(html):
    return html.split('<nav class="site-nav"')[1].split("</nav>")[0]


def test_a_short_menu_title_names_the_page_in_the_menu_and_nowhere_else(client, home_page, site_settings):
    about = ContentPageFactory(
        parent=home_page, title="Everything about the campaign and its history", slug="about", show_in_menus=True
    )
    site_settings.menu_titles = [("menu_title", {"page": about, "title": "About us"})]
    site_settings.save()

    html = client.get("/about/").content.decode()

    assert '<a href="/about/" aria-current="page">About us</a>' in menu(html)
    assert "Everything about the campaign" not in menu(html)
    assert "<h1>Everything about the campaign and its history</h1>" in html
    assert "<title>Everything about the campaign and its history |" in html


def test_pages_without_a_short_title_keep_their_title_and_the_titles_cost_no_query_per_page(
    client, home_page, site_settings
):
    pages = [ContentPageFactory(parent=home_page, title=f"Page {n}", slug=f"p{n}", show_in_menus=True) for n in "0123"]
    client.get("/")
    with CaptureQueriesContext(connection) as without_titles:
        client.get("/")
    site_settings.menu_titles = [("menu_title", {"page": page, "title": f"Short {page.slug[1]}"}) for page in pages[:3]]
    site_settings.save()
    client.get("/")

    with CaptureQueriesContext(connection) as with_titles:
        nav = menu(client.get("/").content.decode())

    assert ">Short 0<" in nav and ">Short 2<" in nav and ">Page 3<" in nav and "Page 0" not in nav
    assert len(with_titles) == len(without_titles)


def test_the_demo_menu_says_sign_the_statement(client, demo_content):
    nav = menu(client.get("/").content.decode())

    assert '<a href="/statement/">Sign the statement</a>' in nav
