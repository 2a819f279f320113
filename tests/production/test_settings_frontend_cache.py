"""The CDN or caching proxy in front of the site is configured from the environment, and a publish purges it."""

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend, CloudflareBackend, HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

from config.settings.base import frontend_cache_backends

RECORDED = []


class RecordingBackend(BaseBackend):
    """Keeps the URLs a purge names, as Wagtail's own tests do: no network."""

    def purge(self, url):
        RECORDED.append(url)


def test_nothing_configured_means_no_backend():
    assert frontend_cache_backends({}) == {}
    assert get_backends(frontend_cache_backends({})) == {}


def test_cloudflare_from_the_environment():
    config = frontend_cache_backends(
        {"FRONTEND_CACHE_CLOUDFLARE_ZONE_ID": "zone123", "FRONTEND_CACHE_CLOUDFLARE_TOKEN": "token456"}
    )
    assert config == {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "zone123",
            "BEARER_TOKEN": "token456",
        }
    }
    backend = get_backends(config)["cloudflare"]
    assert isinstance(backend, CloudflareBackend)
    assert backend.cloudflare_zoneid == "zone123"


def test_cloudfront_from_the_environment():
    config = frontend_cache_backends({"FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID": "E123"})
    assert config == {
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": "E123",
        }
    }


def test_a_varnish_or_nginx_purge_address_from_the_environment():
    config = frontend_cache_backends({"FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:6081"})
    backend = get_backends(config)["proxy"]
    assert isinstance(backend, HTTPBackend)
    assert (backend.cache_scheme, backend.cache_netloc) == ("http", "127.0.0.1:6081")


@pytest.mark.django_db
def test_a_publish_purges_the_page_at_the_configured_cdn(
    statement_page, site_settings, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RECORDED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        statement_page.title = "A new title"
        statement_page.save_revision().publish()
    # The page and what is cached beside it, which show its title or text.
    assert RECORDED == [
        "http://testserver/statement/",
        "http://testserver/statement/sign/done/",
        "http://testserver/statement/confirm/done/",
        "http://testserver/statement/change/sent/",
        "http://testserver/statement/signatories/",
        "http://testserver/statement/share-card.png",
    ]


@pytest.mark.django_db
def test_a_publish_of_the_welsh_page_purges_the_welsh_addresses(
    welsh_statement, site_settings, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RECORDED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        welsh_statement.title = "Teitl newydd"
        welsh_statement.save_revision().publish()
    assert "http://testserver/cy/datganiad/" in RECORDED
    assert "http://testserver/cy/datganiad/signatories/" in RECORDED
    assert not [url for url in RECORDED if not url.startswith("http://testserver/cy/datganiad/")]
