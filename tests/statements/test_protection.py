"""The signing form refuses bad input politely and never breaks."""

import pytest
from django.test import Client

from statements.models import Signature
from tests.html import visible_text
from tests.statements.visitor import PERSON, sign

pytestmark = pytest.mark.django_db


def test_honeypot_filled_in_saves_nothing(client, statement_page, site_settings):
    response = sign(client, statement_page, website="http://spam.example")
    assert response.status_code == 200
    assert "Please leave this field empty" in visible_text(response)
    assert Signature.objects.count() == 0


def test_rate_limit_gives_a_polite_429(client, statement_page, site_settings, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign": (3, 3600)}
    for number in range(3):
        assert sign(client, statement_page, email=f"p{number}@example.org").status_code == 302
    response = sign(client, statement_page, email="p9@example.org")
    assert response.status_code == 429
    assert "Please try again later" in visible_text(response)
    assert Signature.objects.count() == 3


def test_posts_with_mistakes_count_against_the_limit_too(client, statement_page, site_settings, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign": (3, 3600)}
    assert sign(client, statement_page, email="not-an-address").status_code == 200  # shown its mistake
    assert sign(client, statement_page, email="p1@example.org").status_code == 302
    assert sign(client, statement_page, email="").status_code == 200
    assert sign(client, statement_page, email="p2@example.org").status_code == 429  # the fourth post
    assert sign(client, statement_page, email="also-not-an-address").status_code == 429
    assert list(Signature.objects.values_list("email", flat=True)) == ["p1@example.org"]


def test_a_post_from_another_site_is_refused(statement_page, site_settings):
    strict = Client(enforce_csrf_checks=True, headers={"Sec-Fetch-Site": "cross-site"})
    response = strict.post(f"{statement_page.url}sign/", PERSON)
    assert response.status_code == 403
    assert Signature.objects.count() == 0


def test_the_form_carries_no_token_of_the_visitors_own(client, statement_page, site_settings):
    response = client.get(statement_page.url)
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Please give your name."),
        ({"email": ""}, "email", "This field is required."),
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
        ({"name": "x" * 101}, "name", "at most 100 characters"),
        ({"postcode": "y" * 11}, "postcode", "at most 10 characters"),
        ({"name": "Bad\x00Name"}, "name", "Null characters are not allowed."),
        ({"name": "Bad\u200bName"}, "name", "unusual invisible characters"),
        ({"organisation": "Org\x07"}, "organisation", "unusual invisible characters"),
        ({"kind": "robot"}, "kind_0", "Select a valid choice."),  # a radio group links to its first choice
    ],
)
def test_bad_input_is_explained_and_nothing_typed_is_lost(
    client, statement_page, site_settings, changes, field, message
):
    response = sign(client, statement_page, **changes)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "There is a problem" in html or "There are problems" in html
    anchor = f"id_{field}_0" if field == "kind" else f"id_{field}"  # a radio group links to its first choice
    assert f'href="#{anchor}"' in html
    assert 'aria-invalid="true"' in html
    kept = "rosa@example.org" if field == "name" else "Rosa Example"
    assert f'value="{kept}"' in html  # what they typed is still there
    assert Signature.objects.count() == 0


def test_unicode_names_are_welcome(client, statement_page, site_settings):
    response = sign(client, statement_page, name="Zoë Ñúñez-Łukasiewicz 李小龙")
    assert response.status_code == 302
    assert Signature.objects.get().name == "Zoë Ñúñez-Łukasiewicz 李小龙"


def test_names_are_escaped_everywhere(client, statement_page, site_settings):
    from tests.statements.factories import SignatureFactory

    SignatureFactory(page=statement_page, name="<script>alert('x')</script>", organisation="<b>Org</b>")
    for url in (statement_page.url, f"{statement_page.url}signatories/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
        assert "<b>Org</b>" not in html


def test_error_page_escapes_what_was_typed(client, statement_page, site_settings):
    html = sign(client, statement_page, name='"><script>alert(1)</script>', email="bad").content.decode()
    assert "<script>alert(1)</script>" not in html


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"kind": ["person", "organisation"]},
        {"name": "a" * 100_000, "email": "b" * 10_000},
        {"email": "a@" + "b" * 300 + ".org"},
        {"show_publicly": "maybe", "keep_informed": "\x00"},
    ],
)
def test_nothing_a_visitor_types_gives_a_server_error(client, statement_page, site_settings, data):
    response = client.post(f"{statement_page.url}sign/", data)
    assert response.status_code in (200, 302, 400)


def test_invalid_utf8_is_not_a_server_error(client, statement_page, site_settings):
    body = b"kind=person&name=%ff%fe&email=a%ff@example.org&website="
    response = client.post(f"{statement_page.url}sign/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 400)
    assert Signature.objects.count() == 0


def test_get_on_the_sign_address_goes_to_the_form(client, statement_page, site_settings):
    response = client.get(f"{statement_page.url}sign/")
    assert response.status_code == 302
    assert response["Location"] == "/statement/#sign"
