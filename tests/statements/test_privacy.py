"""A private statement (Wagtail's password, login or group restriction) stays private at every address.

Signing, confirming and the counts are plain URLs that skip Wagtail's serve
view for speed; they must refuse, and show the password form or the login
page, exactly as the statement's own page does.
"""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import PageViewRestriction

from statements.models import Signature
from tests.html import visible_text
from tests.statements.factories import SignatureFactory, StatementPageFactory
from tests.statements.visitor import PERSON, confirm, link_in, path_of, sign

pytestmark = pytest.mark.django_db

PASSWORD = "members only"


def make_private(page, kind="password", **fields):
    if kind == "password":
        fields.setdefault("password", PASSWORD)
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)


def enter_password(client, restriction, page):
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return client.post(url, {"password": PASSWORD, "return_url": page.url})


def is_password_form(response):
    return response.status_code == 200 and "You need a password to access this page." in visible_text(response)


def test_a_private_statements_signing_address_shows_the_password_form(client, statement_page, site_settings):
    SignatureFactory(page=statement_page, name="Known Signer")
    make_private(statement_page)

    # A form with an error would show the statement again, with who has signed.
    for response in (client.post("/statement/sign/", {**PERSON, "name": ""}), client.get("/statement/sign/")):
        assert is_password_form(response)
        assert "Known Signer" not in response.content.decode()
        assert "We demand a better world." not in response.content.decode()
        assert "no-store" in response["Cache-Control"]

    assert is_password_form(sign(client, statement_page))
    assert not Signature.objects.filter(email=PERSON["email"]).exists()
    assert mail.outbox == []


def test_a_private_statement_may_be_signed_once_the_password_is_given(client, statement_page, site_settings):
    restriction = make_private(statement_page)
    enter_password(client, restriction, statement_page)

    response = sign(client, statement_page)

    assert response.status_code == 302
    assert response["Location"].startswith("/statement/sign/done/?signature=")
    assert Signature.objects.filter(email=PERSON["email"]).exists()
    confirmed = confirm(client, link_in(mail.outbox[0], "confirm"))
    assert confirmed.status_code == 302
    assert statement_page.counts()["total"] == 1


def test_signing_a_statement_for_members_sends_visitors_to_log_in(client, statement_page, site_settings):
    make_private(statement_page, kind="login")

    response = sign(client, statement_page)

    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/?next=/statement/sign/")
    assert not Signature.objects.exists()


def test_a_statement_for_one_group_refuses_other_users(client, statement_page, site_settings, editor, organiser):
    restriction = make_private(statement_page, kind="groups")
    restriction.groups.add(Group.objects.get(name="Editors"))
    client.force_login(organiser)
    assert sign(client, statement_page)["Location"].startswith("/_util/login/")
    assert client.get("/statement.json").status_code == 404
    client.force_login(editor)
    assert sign(client, statement_page)["Location"].startswith("/statement/sign/done/?signature=")
    assert client.get("/statement.json").status_code == 200


def test_a_confirmation_link_of_a_private_statement_shows_the_password_form(client, statement_page, site_settings):
    sign(client, statement_page)
    confirm_url = link_in(mail.outbox[0], "confirm")
    token = confirm_url.split("token=", 1)[1]
    make_private(statement_page)

    opened = client.get(path_of(confirm_url))
    pressed = client.post("/statement/confirm/", {"token": token})

    assert is_password_form(opened) and is_password_form(pressed)
    assert "Rosa Example" not in opened.content.decode()
    assert Signature.objects.get().confirmed_at is None


def test_a_private_statements_counts_are_not_given_away_as_json(client, statement_page, site_settings):
    SignatureFactory(page=statement_page)
    make_private(statement_page)

    response = client.get("/statement.json")

    assert response.status_code == 404
    assert "Our statement" not in response.content.decode()


def test_a_members_statement_gives_its_counts_to_members_only_never_cached(
    client, statement_page, site_settings, editor
):
    make_private(statement_page, kind="login")
    assert client.get("/statement.json").status_code == 404
    client.force_login(editor)

    response = client.get("/statement.json")

    assert response.status_code == 200
    assert response.json()["statement"] == "Our statement"
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_statement_under_a_private_section_is_private_too(client, home_page, site_settings):
    make_private(home_page)
    StatementPageFactory(parent=home_page)

    assert is_password_form(sign(client, home_page.get_children().get().specific))
    assert client.get("/statement.json").status_code == 404
    assert not Signature.objects.exists()


def test_making_a_statement_private_closes_its_fast_addresses_at_once(client, statement_page, site_settings, settings):
    """Where the statement lives is remembered per process for speed; a new restriction is seen at once."""
    settings.PAGE_CACHE_LOCAL_SECONDS = 60
    assert sign(client, statement_page, email="early@example.org").status_code == 302
    assert client.get("/statement.json").status_code == 200
    restriction = make_private(statement_page)

    assert is_password_form(sign(client, statement_page, email="late@example.org"))
    assert client.get("/statement.json").status_code == 404
    assert not Signature.objects.filter(email="late@example.org").exists()

    restriction.delete()
    assert sign(client, statement_page, email="later@example.org").status_code == 302


def test_the_printed_qr_code_points_at_a_statement_anyone_may_open(client, home_page, site_settings):
    private = StatementPageFactory(parent=home_page, slug="draft-statement", title="Members' draft")
    make_private(private)
    StatementPageFactory(parent=home_page, slug="statement")

    svg = client.get("/qr/statement.svg").content.decode()

    assert "<title>QR code for http://testserver/statement/?src=poster</title>" in svg  # with the posters' code


def test_the_qr_code_never_points_at_a_private_statement(client, statement_page, site_settings):
    make_private(statement_page)

    svg = client.get("/qr/statement.svg").content.decode()

    assert "<title>QR code for http://testserver/</title>" in svg
