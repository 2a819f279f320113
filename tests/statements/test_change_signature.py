"""Withdrawing without the old email: ask for a fresh link by address, told the same whether or not it signed."""

import pytest
from django.core import mail

from statements.models import Signature
from tests.html import visible_text
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import link_in, path_of

pytestmark = pytest.mark.django_db


def ask(client, page, email, **extra):
    return client.post(f"{page.url}change/", {"email": email, "website": "", **extra})


def test_the_statement_links_to_change_or_withdraw(client, statement_page, site_settings):
    html = client.get(statement_page.url).content.decode()
    assert '<a href="/statement/change/">Change or withdraw my signature</a>' in html
    assert client.get("/statement/change/").status_code == 200


def test_a_signer_gets_a_fresh_withdraw_link_that_works(client, statement_page, site_settings):
    SignatureFactory(page=statement_page, email="rosa@example.org", name="Rosa Example")

    response = ask(client, statement_page, " ROSA@example.org ")

    assert response.status_code == 302
    assert response["Location"] == "/statement/change/sent/"
    assert "If that address has signed" in visible_text(client.get(response["Location"]))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["rosa@example.org"]
    assert "withdraw" in message.subject.lower()
    withdraw = client.get(path_of(link_in(message, "withdraw")))
    assert "Withdraw your signature" in visible_text(withdraw)
    client.post(path_of(link_in(message, "withdraw")))
    assert not Signature.objects.exists()
    assert statement_page.counts()["total"] == 0


def test_an_address_that_has_not_signed_gets_the_same_reply_and_no_email(client, statement_page, site_settings):
    SignatureFactory(page=statement_page, email="rosa@example.org")

    response = ask(client, statement_page, "stranger@example.org")

    assert response["Location"] == "/statement/change/sent/"
    assert mail.outbox == []


def test_at_most_one_link_per_address_every_ten_minutes(client, statement_page, site_settings):
    SignatureFactory(page=statement_page, email="rosa@example.org")

    for _ in range(3):
        assert ask(client, statement_page, "rosa@example.org")["Location"] == "/statement/change/sent/"

    assert len(mail.outbox) == 1


@pytest.mark.parametrize("email", ["", "not an address", "a" * 300 + "@example.org"])
def test_a_bad_address_is_a_polite_form_error(client, statement_page, site_settings, email):
    response = ask(client, statement_page, email)

    assert response.status_code == 200
    text = visible_text(response)
    assert "There is a problem with what you sent" in text
    assert 'id="error-summary"' in response.content.decode()
    assert mail.outbox == []


def test_a_robot_filling_the_honeypot_sends_nothing(client, statement_page, site_settings):
    SignatureFactory(page=statement_page, email="rosa@example.org")

    response = ask(client, statement_page, "rosa@example.org", website="https://spam.example")

    assert response.status_code == 200
    assert mail.outbox == []


def test_asking_is_rate_limited_per_network(client, statement_page, site_settings, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "change_signature": (2, 3600)}
    for number in range(2):
        assert ask(client, statement_page, f"person{number}@example.org").status_code == 302

    response = ask(client, statement_page, "person9@example.org")

    assert response.status_code == 429
