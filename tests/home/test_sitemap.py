"""Being found: /sitemap.xml lists the public live pages, /robots.txt names it and keeps crawlers out of the admin."""

import re

import pytest
from wagtail.models import PageViewRestriction

from tests.browser.pages import PAGES_TO_CHECK
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def test_sitemap_lists_public_live_pages_only(client, home_page):
    ContentPageFactory(parent=home_page, title="About", slug="about")
    draft = ContentPageFactory(parent=home_page, title="Draft", slug="draft", live=False)
    private = ContentPageFactory(parent=home_page, title="Members", slug="members")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    urls = sitemap_urls(client)

    assert "http://testserver/" in urls and "http://testserver/about/" in urls
    assert not any(draft.slug in url or private.slug in url for url in urls)


def test_sitemap_of_the_demo_site_names_its_pages(client, demo_content):
    urls = sitemap_urls(client)
    for path in ("/statement/", "/events/", "/materials/", "/motion/", "/news/", "/news/campaign-launched/"):
        assert f"http://testserver{path}" in urls
    assert not any("/admin/" in url for url in urls)


def test_robots_txt_names_the_sitemap_and_disallows_the_admin(client, home_page):
    response = client.get("/robots.txt", HTTP_HOST="campaign.example.org")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Disallow: /admin/" in lines
    assert "Sitemap: http://campaign.example.org/sitemap.xml" in lines


def heading_levels(html):
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]


def test_no_page_skips_a_heading_level(client, demo_content, site_settings):
    """Search engines and screen readers read the outline: h1 → h3 (as /news/ had) leaves a hole in it."""
    skips = {}
    for check in PAGES_TO_CHECK:
        if check.path.startswith("/__test__/"):
            continue  # rendered only by the browser tests' own URLs
        levels = heading_levels(client.get(check.path).content.decode())
        if any(later > earlier + 1 for earlier, later in zip([0, *levels], levels, strict=False)):
            skips[check.path] = levels
    assert skips == {}
