"""The footer's email-only sign-up for updates: on every page, cacheable, protected, and proven by the address."""

import re

import pytest
from django.core import mail
from django.test import Client

from core.subscriptions import wording
from core.subscriptions.forms import FORM_NAME
from core.subscriptions.models import Consent, Subscriber
from tests.conftest import committing
from tests.home.factories import ContentPageFactory
from tests.statements.visitor import path_of

pytestmark = pytest.mark.django_db

ASK = "/email-updates/"
INBOX = "/email-updates/check-your-inbox/"


@pytest.fixture
def tokenless(django_capture_on_commit_callbacks):
    """A browser with no cookie that Django's CSRF check would refuse: as a visitor of a cached page is."""
    return committing(Client(enforce_csrf_checks=True), django_capture_on_commit_callbacks)


@pytest.fixture
def site(site_settings, statement_page):
    """A home page, a statement and a content page; the settings' one next step is signing."""
    ContentPageFactory(parent=site_settings.site.root_page, title="Privacy notice", slug="privacy")
    site_settings.next_steps = [("step", {"title": "Sign the statement", "page": statement_page})]
    site_settings.save()
    return statement_page


def footer_form(html):
    """The footer's form element, as sent to the browser."""
    footer = html[html.index('<footer class="site-footer">') :]
    return re.search(
        r'<form action="/email-updates/" method="post" class="updates-signup">.*?</form>', footer, re.S
    ).group(0)


def ask(client, email="ada@example.org", **headers):
    return client.post(ASK, {"updates-email": email, "updates-website": ""}, **headers)


def confirm_link(address):
    message = next(m for m in mail.outbox if m.to == [address])
    return path_of(re.search(r"https?://\S+/your-data/confirm-updates/\?token=\S+", message.body).group(0))


@pytest.mark.parametrize("path", ["/", "/privacy/", "/statement/", "/no-such-page/"])
def test_every_page_has_the_form_in_its_footer_in_the_current_words(client, site, path):
    form = footer_form(client.get(path).content.decode())

    assert wording.text_of(wording.CURRENT) in form
    assert 'type="email" name="updates-email"' in form and 'id="id_updates-email"' in form  # never a page's own ids
    assert "csrfmiddlewaretoken" not in form  # the same bytes for every visitor: cached pages carry it


def test_an_address_gets_check_your_inbox_and_an_email_and_nothing_is_sent_until_it_confirms(client, tokenless, site):
    response = ask(tokenless, "Ada@Example.org")

    assert response.status_code == 302 and response["Location"] == INBOX
    page = client.get(INBOX).content.decode()
    assert "Check your inbox" in page and "until then we send nothing" in page
    consent = Consent.objects.get()
    assert (consent.form, consent.wording_version, consent.confirmed_at) == (FORM_NAME, wording.CURRENT, None)
    assert not Subscriber.objects.receiving().exists()  # anyone may type anyone's address

    link = confirm_link("ada@example.org")
    assert "Yes, send me updates" in client.get(link).content.decode()  # opening it (a mail scanner) changes nothing
    assert not Subscriber.objects.receiving().exists()
    token = re.search(r'name="token" value="([^"]+)"', client.get(link).content.decode()).group(1)
    done = client.post("/your-data/confirm-updates/", {"token": token}).content.decode()

    assert Subscriber.objects.receiving().get().email == "ada@example.org"
    assert "What you can do next" in done and f'href="{site.url}"' in done


def test_an_address_already_on_the_list_gets_the_same_page_and_no_second_email_at_once(client, site):
    first, second = ask(client), ask(client)

    assert first["Location"] == second["Location"] == INBOX  # the form tells nobody who subscribes
    assert len([m for m in mail.outbox if m.to == ["ada@example.org"]]) == 1  # no flooding an inbox


def test_a_post_from_another_site_is_refused_and_keeps_nothing(client, site):
    response = ask(client, HTTP_SEC_FETCH_SITE="cross-site", HTTP_ORIGIN="https://evil.example")

    assert response.status_code == 403
    assert not Consent.objects.exists() and mail.outbox == []


def test_the_honeypot_keeps_nothing_and_says_why(client, site):
    response = client.post(ASK, {"updates-email": "bot@example.org", "updates-website": "http://spam.example"})

    assert response.status_code == 200
    assert "Please leave this field empty." in response.content.decode()
    assert not Consent.objects.exists() and mail.outbox == []


@pytest.mark.parametrize("typed", ["", "not an address", "a" * 300 + "@example.org", "nul\x00@example.org"])
def test_anything_typed_that_is_no_address_shows_the_form_again_with_the_error(client, site, typed):
    response = ask(client, typed)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in html and 'href="#id_updates-email"' in html
    assert html.count('name="updates-email"') == 1  # the footer leaves its copy out here: no id twice
    assert not Consent.objects.exists()


def test_too_many_tries_from_one_network_get_the_polite_429(client, site, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "updates": (3, 3600)}
    statuses = [ask(client, f"person{n}@example.org").status_code for n in range(4)]

    assert statuses == [302, 302, 302, 429]
    assert Consent.objects.count() == 3


def test_the_form_works_from_a_page_the_page_cache_served(tokenless, site):
    """The second visit is the cached bytes (the same for everyone); its form posts without any cookie."""
    first = Client().get("/")
    cached = Client().get("/")

    assert cached.content == first.content and not cached.cookies
    assert footer_form(cached.content.decode())
    assert ask(tokenless, "grace@example.org")["Location"] == INBOX
    assert Consent.objects.get().subscriber.email == "grace@example.org"
