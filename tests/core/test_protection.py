"""The honeypot, the per-network rate limit and the per-address limit that public forms use."""

import pytest
from django import forms
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from core import protection
from core.protection import (
    HoneypotFormMixin,
    client_ip,
    count_this_period,
    first_in_interval,
    network_key,
    network_of,
    rate_limited,
)


class ExampleForm(HoneypotFormMixin, forms.Form):
    name = forms.CharField()


def test_honeypot_left_empty_is_valid():
    assert ExampleForm({"name": "Ada", "website": ""}).is_valid()


def test_honeypot_filled_in_is_refused_politely():
    form = ExampleForm({"name": "Ada", "website": "http://spam.example"})
    assert not form.is_valid()
    assert form.errors["website"] == ["Please leave this field empty."]


@pytest.mark.django_db
def test_rate_limit_counts_posts_per_ip_and_answers_429(settings, home_page, site_settings):
    settings.RATE_LIMITS = {"demo": (2, 3600)}
    view = rate_limited("demo")(lambda request: HttpResponse("ok"))
    factory = RequestFactory()

    def post(ip):
        request = factory.post("/", REMOTE_ADDR=ip)
        request.user = None
        return view(request)

    assert post("10.0.0.1").status_code == 200
    assert post("10.0.0.1").status_code == 200
    blocked = post("10.0.0.1")
    assert blocked.status_code == 429
    assert "Please try again later" in blocked.content.decode()
    assert "Nothing you sent has been lost" in blocked.content.decode()
    assert post("10.0.0.2").status_code == 200


def test_rate_limit_never_counts_gets(settings):
    settings.RATE_LIMITS = {"demo": (1, 3600)}
    view = rate_limited("demo")(lambda request: HttpResponse("ok"))
    for _ in range(5):
        assert view(RequestFactory().get("/", REMOTE_ADDR="10.0.0.3")).status_code == 200


def test_forwarded_for_is_trusted_only_behind_configured_proxies(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.9.9.9"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"


@pytest.mark.django_db
def test_ipv6_visitors_are_limited_per_64_network_ipv4_per_address(settings, home_page, site_settings):
    """One IPv6 subscriber holds a whole /64: counting single addresses would give them billions of tries."""
    settings.RATE_LIMITS = {"demo": (1, 3600)}
    view = rate_limited("demo")(lambda request: HttpResponse("ok"))

    def post(ip):
        request = RequestFactory().post("/", REMOTE_ADDR=ip)
        request.user = None
        return view(request).status_code

    assert post("2001:db8:1:2::1") == 200
    assert post("2001:db8:1:2:ffff:ffff:ffff:fffe") == 429  # same /64
    assert post("2001:db8:1:3::1") == 200  # the next /64 is someone else
    assert post("192.0.2.1") == 200
    assert post("::ffff:192.0.2.1") == 429  # the same IPv4 address, written as IPv6
    assert post("192.0.2.2") == 200  # IPv4 stays per address


def test_network_of_names_what_is_counted():
    assert network_of("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64"
    assert network_of("fe80::1%eth0") == "fe80::/64"
    assert network_of("203.0.113.7") == "203.0.113.7"
    assert network_of("unknown") == "unknown"


def test_first_in_interval_is_once_per_address_and_keeps_no_address(settings):
    assert first_in_interval("demo", "Rosa@Example.org", 600)
    assert not first_in_interval("demo", " rosa@example.org", 600)
    assert first_in_interval("demo", "tom@example.org", 600)
    assert first_in_interval("other", "rosa@example.org", 600)
    keys = list(getattr(cache, "_cache", {}))  # the local-memory cache of the tests
    assert keys and not any("example.org" in key for key in keys)


def test_forwarded_for_without_trusted_proxies_is_warned_about_once(settings, caplog, monkeypatch):
    """Behind an undeclared load balancer every visitor shares one address: the log must say so, once."""
    monkeypatch.setitem(protection._proxy_warning, "given", False)
    settings.TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get("/", REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="203.0.113.7")
    with caplog.at_level("WARNING", logger="core.protection"):
        client_ip(request)
        client_ip(request)
        client_ip(RequestFactory().get("/", REMOTE_ADDR="10.9.9.9"))
    warnings = [record for record in caplog.records if "TRUSTED_PROXY_COUNT" in record.getMessage()]
    assert len(warnings) == 1


def test_no_warning_when_proxies_are_declared(settings, caplog, monkeypatch):
    monkeypatch.setitem(protection._proxy_warning, "given", False)
    settings.TRUSTED_PROXY_COUNT = 1
    with caplog.at_level("WARNING", logger="core.protection"):
        client_ip(RequestFactory().get("/", REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="203.0.113.7"))
    assert not caplog.records


def test_network_key_is_a_keyed_hash_of_the_network_never_the_address(settings):
    def key(ip):
        return network_key(RequestFactory().get("/", REMOTE_ADDR=ip))

    assert key("2001:db8:1:2::1") == key("2001:db8:1:2::ffff")  # one /64
    assert key("2001:db8:1:2::1") != key("2001:db8:1:3::1")
    assert len(key("192.0.2.1")) == 32 and "192.0.2.1" not in key("192.0.2.1")
    before = key("192.0.2.1")
    settings.SECRET_KEY = "another-secret-key-for-this-test-only"
    assert key("192.0.2.1") != before  # keyed: the addresses cannot be hashed in turn to find it


def test_a_count_in_a_period_passes_each_number_once():
    assert [count_this_period("demo", "k", 3600) for _ in range(3)] == [1, 2, 3]
    assert count_this_period("demo", "other", 3600) == 1
