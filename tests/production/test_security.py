"""Security headers on every page type, a CSP the site's own pages satisfy, and /health/."""

import re

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(statement_page, site_settings):
    from tests.home.factories import ContentPageFactory

    ContentPageFactory(parent=statement_page.get_parent(), slug="about", title="About")
    return ["/", "/about/", statement_page.url, f"{statement_page.url}signatories/", f"{statement_page.url}sign/done/"]


def test_every_page_carries_security_headers(client, pages):
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Frame-Options"] == "DENY", url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert "default-src 'self'" in response["Content-Security-Policy"], url
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"], url


def test_pages_load_nothing_the_policy_would_block(client, pages):
    """No inline script or style, and every src/href of a script, style or image is our own."""
    for url in pages:
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert "<style" not in html and " style=" not in html, url
        assert " on" + "click=" not in html, url
        for src in re.findall(r'<(?:script|img|iframe)[^>]*\bsrc="([^"]+)"', html):
            assert src.startswith("/"), (url, src)
        for href in re.findall(r'<link[^>]*\bhref="([^"]+)"', html):
            assert href.startswith("/"), (url, href)


def test_the_signing_form_posts_to_our_own_origin(client, pages, statement_page):
    html = client.get(statement_page.url).content.decode()
    assert re.search(r'<form method="post" action="/', html)
    assert "form-action 'self'" in client.get(statement_page.url)["Content-Security-Policy"]


def test_health_reports_database_and_cache(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_fails_loudly_when_the_cache_is_down(client, db, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    cache.close()
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["cache"] == "failing"
