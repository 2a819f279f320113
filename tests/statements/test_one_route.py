"""Signing and confirming have one route each, the plain URL beside the statement, private statements included.

A statement with a view restriction is served there through Wagtail's own
serving hooks (its password form, its login redirect); every address of
these actions is reversed from the plain URLs' names, by one helper; the
rate limit is taken once per POST; and the URLs of the stalls and the
statements resolve to their own views whatever order config/urls.py lists them in.
"""

import re
from pathlib import Path

import pytest
from django.core import mail
from django.urls import NoReverseMatch, URLResolver, include, path, reverse
from django.urls.resolvers import RegexPattern
from wagtail.models import PageViewRestriction

from campaign.stalls import views as stall_views
from statements import direct_urls
from statements.closing_views import closed_statements_list
from statements.models import Signature
from tests.home.factories import ContentPageFactory
from tests.statements.factories import StatementPageFactory
from tests.statements.test_privacy import PASSWORD, enter_password, is_password_form
from tests.statements.visitor import PERSON, confirm, confirm_form, link_in, path_of, sign

pytestmark = pytest.mark.django_db


def form_action(response):
    return re.search(r'<form method="post" action="([^"]+)"[^>]*data-signing', response.content.decode()).group(1)


def test_the_statement_page_has_no_sign_or_confirm_route_of_its_own(statement_page):
    for name in ("sign", "confirm"):
        with pytest.raises(NoReverseMatch):
            statement_page.reverse_subpage(name)


def test_the_form_the_email_and_the_confirm_button_use_the_reversed_plain_urls(client, home_page, site_settings):
    """A statement one level down: each address is the plain URL reversed for its path, never "sign/" added on."""
    section = ContentPageFactory(parent=home_page, slug="campaign", title="Section")
    statement = StatementPageFactory(parent=section, slug="statement", title="Deeper statement")
    sign_url = reverse("statement_sign", kwargs={"path": "campaign/statement"})
    confirm_url = reverse("statement_confirm", kwargs={"path": "campaign/statement"})
    assert (sign_url, confirm_url) == ("/campaign/statement/sign/", "/campaign/statement/confirm/")

    assert form_action(client.get(statement.url)) == f"{sign_url}#sign"
    assert client.post(sign_url, PERSON).status_code == 302
    emailed = link_in(mail.outbox[0], "confirm")
    assert path_of(emailed).split("?")[0] == confirm_url
    action, _ = confirm_form(client.get(path_of(emailed)))
    assert action == confirm_url
    assert confirm(client, emailed)["Location"].startswith("/campaign/statement/confirm/done/")
    assert statement.counts()["total"] == 1


def test_no_statement_template_or_email_adds_sign_or_confirm_to_a_page_url():
    root = Path(__file__).resolve().parents[2] / "templates"
    for folder in ("statements", "emails/statements"):
        for template in (root / folder).rglob("*.*"):
            text = template.read_text()
            assert not re.search(r"page\.url\s*}}\s*(sign|confirm)/", text), template


def make_private(page, kind, **fields):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)


def test_a_password_statements_sign_post_without_the_password_shows_the_form_and_saves_nothing(
    client, statement_page, site_settings
):
    make_private(statement_page, "password", password=PASSWORD)

    response = sign(client, statement_page)

    assert is_password_form(response)
    assert "no-store" in response["Cache-Control"]
    assert not Signature.objects.exists()
    assert mail.outbox == []


def test_a_password_statement_with_the_password_signs_and_confirms_through_the_same_route(
    client, statement_page, site_settings
):
    restriction = make_private(statement_page, "password", password=PASSWORD)
    enter_password(client, restriction, statement_page)

    signed = sign(client, statement_page)
    assert signed.status_code == 302 and signed["Location"].startswith("/statement/sign/done/")
    assert "no-store" in signed["Cache-Control"]  # served to one who passed: never kept by a cache
    confirm_page = client.get(path_of(link_in(mail.outbox[0], "confirm")))
    assert confirm_page.status_code == 200 and "Confirm my signature" in confirm_page.content.decode()
    confirmed = confirm(client, link_in(mail.outbox[0], "confirm"))

    assert confirmed.status_code == 302
    assert Signature.objects.get().is_confirmed
    assert statement_page.counts()["total"] == 1


def test_a_statement_for_logged_in_people_sends_a_visitor_to_log_in_and_takes_a_member(
    client, statement_page, site_settings, editor
):
    make_private(statement_page, "login")

    refused = sign(client, statement_page)
    assert refused.status_code == 302
    assert refused["Location"].startswith("/_util/login/?next=/statement/sign/")
    assert not Signature.objects.exists()

    client.force_login(editor)
    assert sign(client, statement_page)["Location"].startswith("/statement/sign/done/")
    assert Signature.objects.filter(email=PERSON["email"]).exists()


def test_a_private_statement_answers_other_methods_as_its_page_would(client, statement_page, site_settings):
    """Wagtail's before_serve_page hooks run too: a method the route does not take is 405, not a password form."""
    make_private(statement_page, "password", password=PASSWORD)

    assert client.put("/statement/sign/").status_code == 405
    assert client.delete("/statement/confirm/").status_code == 405


def test_the_signing_rate_limit_counts_each_post_once_whatever_it_held(client, statement_page, site_settings, settings):
    """Invalid and valid posts, and corrections of an address, share the one limit, each counted once."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign": (3, 3600)}

    assert sign(client, statement_page, email="not an address").status_code == 200  # 1: shown back with mistakes
    assert sign(client, statement_page).status_code == 302  # 2
    assert sign(client, statement_page, email="second@example.org").status_code == 302  # 3
    refused = sign(client, statement_page, email="third@example.org")

    assert refused.status_code == 429
    assert not Signature.objects.filter(email="third@example.org").exists()
    assert client.post("/statement/sign/correct/", {"email": "x@example.org", "token": "t"}).status_code == 429


def resolver(*includes):
    return URLResolver(RegexPattern(r"^/"), [path("", include(module)) for module in includes])


@pytest.mark.parametrize(
    "order", [("statements.urls", "campaign.stalls.urls"), ("campaign.stalls.urls", "statements.urls")]
)
def test_stall_and_statement_urls_resolve_to_their_views_in_either_order(order):
    urls = resolver(*order)
    expected = {
        "/stall/": stall_views.stall,
        "/stall/signatures/": stall_views.sign,
        "/stall/entries/": stall_views.entries,
        "/stall/sw.js": stall_views.service_worker,
        "/statement/sign/": direct_urls.sign_beside_statement,
        "/statement/confirm/": direct_urls.confirm_beside_statement,
        "/campaign/statement/sign/": direct_urls.sign_beside_statement,
        "/statement.json": direct_urls.count_json,
        "/closed-statements/": closed_statements_list,
    }
    for address, view in expected.items():
        assert urls.resolve(address).func is view, address
