"""Public forms refuse posts from other sites by the browser's own headers; staff screens keep CSRF tokens."""

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import path as route
from django.views.decorators.csrf import csrf_protect

from config.urls import urlpatterns as site_urlpatterns
from core.cross_origin import cross_origin_protected
from statements.models import Signature
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.form_pages.factories import FormFieldFactory, FormPageFactory
from tests.html import visible_text
from tests.materials.factories import MaterialFactory, MaterialsPageFactory
from tests.motion.factories import MotionPageFactory
from tests.statements.visitor import PERSON

pytestmark = pytest.mark.django_db


def browser(**headers):
    """A visitor whose browser sends these headers; Django's own token check stays on, as in production."""
    return Client(enforce_csrf_checks=True, headers=headers)


def sign_with(visitor, page, email="rosa@example.org"):
    return visitor.post(f"{page.url}sign/", {**PERSON, "email": email})


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site", "Origin": "https://elsewhere.example"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://shop.testserver"},  # a neighbour under the same domain
        {"Origin": "https://elsewhere.example"},  # an older browser without Fetch Metadata
        {"Origin": "null"},  # a sandboxed frame, or a form behind a cross-site redirect
        {"Origin": "https://testserver"},  # the right host, the wrong scheme
    ],
)
def test_a_post_from_another_site_is_refused_politely(statement_page, site_settings, headers):
    response = sign_with(browser(**headers), statement_page)
    assert response.status_code == 403
    assert "Please send the form from this site" in visible_text(response)
    assert "Nothing was saved" in visible_text(response)
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"},
        {"Sec-Fetch-Site": "same-origin"},
        {"Origin": "http://testserver"},  # an older browser, on this site
    ],
)
def test_a_post_from_this_site_passes_without_any_token(statement_page, site_settings, headers):
    assert sign_with(browser(**headers), statement_page).status_code == 302
    assert Signature.objects.filter(email="rosa@example.org").exists()


def test_a_request_without_either_header_passes_and_meets_the_rate_limit(statement_page, site_settings, settings):
    """Not a browser: no other site can make one send it, and the forms' limits apply as to anyone."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign": (2, 3600)}
    script = browser()
    assert sign_with(script, statement_page, "one@example.org").status_code == 302
    assert sign_with(script, statement_page, "two@example.org").status_code == 302
    assert sign_with(script, statement_page, "three@example.org").status_code == 429
    assert Signature.objects.count() == 2


def test_a_trusted_origin_may_post_from_its_own_site(statement_page, site_settings, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://partner.example"]
    partner = browser(**{"Sec-Fetch-Site": "cross-site", "Origin": "https://partner.example"})
    assert sign_with(partner, statement_page).status_code == 302


@pytest.mark.parametrize(
    ("origin", "signs"),
    [
        ("https://leeds.partner.example", True),
        ("https://partner.example", True),  # the domain itself, as Django's own check has it
        ("HTTPS://Leeds.Partner.Example", True),  # host names and schemes know no case
        ("http://leeds.partner.example", False),  # the entry's scheme only
        ("https://leeds.partner.example:8443", False),  # and its port
        ("https://evilpartner.example", False),
        ("https://partner.example.evil.example", False),
    ],
)
def test_a_trusted_wildcard_covers_the_names_under_it(statement_page, site_settings, settings, origin, signs):
    settings.CSRF_TRUSTED_ORIGINS = ["https://*.partner.example"]
    response = sign_with(browser(**{"Sec-Fetch-Site": "cross-site", "Origin": origin}), statement_page)
    assert response.status_code == (302 if signs else 403)


@pytest.mark.parametrize("headers", [{"Origin": "http://["}, {"Origin": "http://[", "Sec-Fetch-Site": "cross-site"}])
def test_an_origin_no_browser_sends_is_refused_politely(statement_page, site_settings, settings, headers):
    settings.CSRF_TRUSTED_ORIGINS = ["https://*.partner.example"]
    response = sign_with(browser(**headers), statement_page)
    assert response.status_code == 403
    assert "Please send the form from this site" in visible_text(response)


def test_a_post_to_a_host_the_site_does_not_serve_saves_nothing(statement_page, site_settings, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = sign_with(browser(**{"Host": "elsewhere.example", "Origin": "http://elsewhere.example"}), statement_page)
    assert response.status_code in (400, 403)
    assert not Signature.objects.exists()


def test_https_behind_a_proxy_is_this_sites_origin(statement_page, site_settings, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    behind_proxy = browser(**{"Host": "testserver", "Origin": "https://testserver", "X-Forwarded-Proto": "https"})
    assert sign_with(behind_proxy, statement_page).status_code == 302


def test_routes_wagtail_serves_are_checked_too(statement_page, site_settings):
    """The change-my-details form is a route of the page, reached through Wagtail's serve view."""
    elsewhere = browser(**{"Sec-Fetch-Site": "cross-site"})
    assert elsewhere.post(f"{statement_page.url}change/", {"email": "rosa@example.org"}).status_code == 403
    here = browser(**{"Sec-Fetch-Site": "same-origin"})
    assert here.post(f"{statement_page.url}change/", {"email": "rosa@example.org"}).status_code in (200, 302)


def test_a_form_page_refuses_a_post_from_another_site(home_page, site_settings):
    form_page = FormPageFactory(parent=home_page)
    FormFieldFactory(page=form_page, label="Message", field_type="multiline")
    response = browser(**{"Sec-Fetch-Site": "cross-site"}).post(form_page.url, {"message": "Hello"})
    assert response.status_code == 403
    assert not form_page.get_submission_class().objects.exists()


def test_the_admin_sign_in_still_needs_a_csrf_token(superuser):
    same_origin = browser(**{"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"})
    response = same_origin.post("/admin/login/", {"username": superuser.username, "password": "password"})
    assert response.status_code == 403
    assert "_auth_user_id" not in same_origin.session


def test_the_admin_still_needs_a_csrf_token(home_page, superuser):
    editor = browser(**{"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"})
    editor.force_login(superuser)
    response = editor.post(f"/admin/pages/{home_page.pk}/edit/", {"title": "Changed without a token"})
    assert response.status_code == 403
    home_page.refresh_from_db()
    assert home_page.title != "Changed without a token"


@cross_origin_protected
@csrf_protect
def public_form_that_also_asks_for_a_token(request):
    return HttpResponse("Saved")


# The site's own routes after the test's view (spread, not included: i18n_patterns may only sit at the top).
urlpatterns = [route("token-too/", public_form_that_also_asks_for_a_token), *site_urlpatterns]


def test_a_public_view_that_also_asks_for_a_token_still_gets_asked(settings):
    """The origin check replaces Django's token check; it never waives a token a view asks for itself."""
    settings.ROOT_URLCONF = __name__
    same_origin = browser(**{"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"})
    assert same_origin.post("/token-too/").status_code == 403
    assert browser(**{"Sec-Fetch-Site": "cross-site"}).post("/token-too/").status_code == 403


@pytest.fixture
def public_pages(home_page, site_settings, statement_page):
    """One of each public page with a form (or a list), as an anonymous visitor finds them."""
    events = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=events, title="Public meeting")
    materials = MaterialsPageFactory(parent=home_page)
    MaterialFactory(page=materials, title="Poster")
    motion = MotionPageFactory(parent=home_page)
    form_page = FormPageFactory(parent=home_page, slug="get-involved")
    FormFieldFactory(page=form_page, label="Your name")
    return ["/", statement_page.url, events.url, event.url, "/events/submit/", materials.url, motion.url, form_page.url]


def test_every_anonymous_visitor_gets_the_same_bytes_and_no_cookie(public_pages):
    alice, bob = browser(), browser()
    for path in public_pages:
        alice_page, bob_page = alice.get(path), bob.get(path)
        assert alice_page.status_code == 200, path
        assert alice_page.content == bob_page.content, path
        assert "csrfmiddlewaretoken" not in alice_page.content.decode(), path
        assert not alice_page.cookies and not bob_page.cookies, path
        assert "Set-Cookie" not in alice_page.serialize_headers().decode(), path
