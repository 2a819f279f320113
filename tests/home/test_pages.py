"""The home page, navigation, footer, content pages and error pages as a visitor sees them."""

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_intro_and_calls_to_action(client, home_page, site_settings):
    about = ContentPageFactory(parent=home_page, title="About us", slug="about")
    home_page.actions = [
        ("action", {"title": "Sign the statement", "text": "Add your name.", "page": about}),
        ("action", {"title": "Like us", "text": "", "url": "https://www.facebook.com/example"}),
    ]
    home_page.save_revision().publish()

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "We are calling on all socialists" in html
    assert "What you can do" in html
    assert '<a class="action-card" href="/about/">' in html
    assert '<h3 class="action-title">Sign the statement</h3>' in html
    assert '<a class="action-card" href="https://www.facebook.com/example">' in html


def test_navigation_lists_pages_shown_in_menus_and_marks_the_current_one(client, home_page, site_settings):
    ContentPageFactory(parent=home_page, title="About us", slug="about", show_in_menus=True)
    ContentPageFactory(parent=home_page, title="Hidden page", slug="hidden", show_in_menus=False)

    html = client.get("/about/").content.decode()

    nav = html.split('<nav class="site-nav"')[1].split("</nav>")[0]
    assert '<a href="/about/" aria-current="page">About us</a>' in nav
    assert "Hidden page" not in nav
    assert '<a href="/">Home</a>' in nav


def test_navigation_never_shows_a_private_pages_title(client, home_page, site_settings):
    ContentPageFactory(parent=home_page, title="About us", slug="about", show_in_menus=True)
    private = ContentPageFactory(parent=home_page, title="Organisers only", slug="organisers", show_in_menus=True)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")

    html = client.get("/about/").content.decode()

    nav = html.split('<nav class="site-nav"')[1].split("</nav>")[0]
    assert "About us" in nav
    assert "Organisers only" not in html


def test_navigation_costs_the_same_queries_however_many_private_pages(client, home_page, site_settings):
    def private_page(number):
        page = ContentPageFactory(parent=home_page, slug=f"private-{number}", show_in_menus=True)
        PageViewRestriction.objects.create(page=page, restriction_type="login")

    private_page(0)
    client.get("/")
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    for number in range(1, 6):
        private_page(number)
    with CaptureQueriesContext(connection) as many:
        html = client.get("/").content.decode()
    assert len(many) == len(few)
    assert "private-" not in html


def test_footer_shows_site_settings(client, home_page, site_settings):
    html = client.get("/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    assert "mailto:info@example.org" in footer
    assert 'href="tel:07700900123"' in footer
    assert "https://www.facebook.com/example" in footer
    assert "A footer for everyone." in footer
    assert "Test Campaign" in html


def test_footer_links_the_privacy_notice_when_set(client, home_page, site_settings):
    privacy = ContentPageFactory(parent=home_page, title="Privacy notice", slug="privacy")
    site_settings.privacy_page = privacy
    site_settings.save()
    assert '<a href="/privacy/">Privacy notice</a>' in client.get("/").content.decode()


def test_editor_text_is_escaped(client, home_page, site_settings):
    site_settings.footer_text = "<script>alert(1)</script>"
    site_settings.save()
    html = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_base_template_is_accessible_and_light(client, home_page, site_settings):
    html = client.get("/").content.decode()
    assert '<html lang="en-GB">' in html
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    assert "<script" not in html
    assert "http://fonts" not in html and "https://fonts" not in html


def test_unknown_address_gets_the_404_page(client, home_page, site_settings):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_server_error_page_renders_without_a_database():
    """The 500 page must not depend on settings or the page tree: those may be what broke."""
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html


@override_settings(DEBUG=False)
def test_server_error_returns_the_friendly_page(home_page, site_settings, monkeypatch):
    def explode(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(type(home_page), "serve", explode)
    client = Client(raise_request_exception=False)
    response = client.get("/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_every_page_type_restricts_its_place_in_the_tree():
    from home.models import HomePage

    assert HomePage.max_count == 1
    assert HomePage.can_create_at(Page.get_first_root_node())
