"""Cached pages go out compressed as each browser accepts, and say which caches may keep them."""

import gzip
import zlib

import pytest
from django.core import mail
from django.test import Client

from core import page_encodings
from tests.statements.visitor import PERSON, link_in, path_of, sign

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.PUBLIC_CACHE_MAX_AGE = 20
    settings.PUBLIC_CACHE_S_MAXAGE = 45


def visit(path, accept_encoding=None):
    headers = {"Accept-Encoding": accept_encoding} if accept_encoding is not None else {}
    return Client(headers=headers).get(path)


def test_a_browser_that_accepts_gzip_gets_the_page_gzipped(statement_page, site_settings):
    plain = visit(statement_page.url, "identity").content
    for outcome in ("hit", "hit"):
        response = visit(statement_page.url, "gzip, deflate, zstd")
        assert response["X-Page-Cache"] == outcome
        assert response["Content-Encoding"] == "gzip"
        assert response["Content-Length"] == str(len(response.content))
        assert gzip.decompress(response.content) == plain  # compressed once, never twice
        assert len(response.content) < len(plain) / 2
    assert "Accept-Encoding" in response["Vary"]


def test_the_first_visitor_gets_the_page_compressed_too(statement_page, site_settings):
    response = visit(statement_page.url, "gzip")
    assert response["X-Page-Cache"] == "miss"
    assert response["Content-Encoding"] == "gzip"
    assert "We demand a better world." in gzip.decompress(response.content).decode()


@pytest.mark.parametrize("accept_encoding", [None, "", "identity", "gzip;q=0", "*;q=0", "compress"])
def test_a_client_that_accepts_no_compression_gets_the_plain_page(statement_page, site_settings, accept_encoding):
    visit(statement_page.url)  # fills the cache
    response = visit(statement_page.url, accept_encoding)
    assert response["X-Page-Cache"] == "hit"
    assert "Content-Encoding" not in response
    assert "We demand a better world." in response.content.decode()
    assert response["Content-Length"] == str(len(response.content))
    assert "Accept-Encoding" in response["Vary"]


def test_every_gzip_visitor_gets_the_same_bytes(statement_page, site_settings):
    assert visit(statement_page.url, "gzip").content == visit(statement_page.url, "gzip, br").content


def test_brotli_is_preferred_when_installed(statement_page, site_settings, monkeypatch):
    """brotli is optional: a stand-in with its interface shows the stored choice and the header."""

    class StandInBrotli:
        @staticmethod
        def compress(body, quality):
            return b"BR" + zlib.compress(body, 9)

    monkeypatch.setattr(page_encodings, "brotli", StandInBrotli)
    assert visit(statement_page.url, "gzip, br")["Content-Encoding"] == "br"
    assert visit(statement_page.url, "gzip")["Content-Encoding"] == "gzip"
    assert visit(statement_page.url, "br;q=0, gzip")["Content-Encoding"] == "gzip"


def test_a_gzip_middleware_added_later_would_not_compress_twice(statement_page, site_settings, settings):
    settings.MIDDLEWARE = ["django.middleware.gzip.GZipMiddleware", *settings.MIDDLEWARE]
    plain = visit(statement_page.url, "identity").content
    assert gzip.decompress(visit(statement_page.url, "gzip").content) == plain


def test_anonymous_pages_may_be_kept_by_browsers_and_cdns(statement_page, site_settings):
    for response in (visit(statement_page.url), visit(statement_page.url), visit("/")):
        assert response["Cache-Control"] == "public, max-age=20, s-maxage=45"


def test_anonymous_pages_are_public_with_the_page_cache_off_too(statement_page, site_settings, settings):
    settings.PAGE_CACHE_SECONDS = 0
    response = visit(statement_page.url)
    assert "X-Page-Cache" not in response
    assert response["Cache-Control"] == "public, max-age=20, s-maxage=45"


def test_a_form_with_its_errors_is_never_stored(client, statement_page, site_settings):
    response = sign(client, statement_page, email="not-an-address")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_personal_and_one_off_pages_are_private(client, statement_page, site_settings):
    sign(client, statement_page)
    confirm_page = client.get(path_of(link_in(mail.outbox[0], "confirm")))
    withdraw_page = client.get(path_of(link_in(mail.outbox[0], "withdraw")))
    search = client.get(f"{statement_page.url}signatories/", {"q": "Rosa"})
    for response in (confirm_page, withdraw_page, search):
        assert response.status_code == 200
        assert "public" not in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
    assert "no-store" in confirm_page["Cache-Control"] and "no-store" in withdraw_page["Cache-Control"]


def test_a_signed_in_editor_gets_private_pages(client, statement_page, site_settings, superuser):
    client.force_login(superuser)
    response = client.get(statement_page.url)
    assert "public" not in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_redirect_after_signing_is_never_stored(client, statement_page, site_settings):
    response = client.post(f"{statement_page.url}sign/", PERSON)
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
