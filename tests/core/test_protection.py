"""The honeypot and the per-IP rate limit that every public form uses."""

import pytest
from django import forms
from django.http import HttpResponse
from django.test import RequestFactory

from core.protection import HoneypotFormMixin, client_ip, rate_limited


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
