"""The "your data" page says what introductions hold, and links to a page to tick or untick "introduce me";
withdrawing entirely removes the memberships."""

import pytest
from django.core import mail

from campaign.introductions.models import GroupMessage, Membership
from core.subscriptions.tokens import person_token, your_data_url
from statements.models import Signature
from tests.html import visible_text
from tests.introductions.test_introducing import three
from tests.statements.visitor import path_of

pytestmark = pytest.mark.django_db


def your_data(client, email):
    return client.get(path_of(your_data_url(email, "http://testserver/")))


def test_your_data_describes_the_introduction_and_links_to_the_choice(client, statement_page, leeds, introduce):
    three(statement_page)
    introduce()
    text = visible_text(your_data(client, "ada@example.org"))
    assert "Introductions to supporters near you" in text
    assert "You asked to be introduced to other supporters" in text
    assert "Introduced to the group in Leeds Central and Headingley on" in text
    assert "your address is not shared" in text
    assert "Stop introductions" in text
    assert "Introductions to supporters" not in visible_text(your_data(client, "stranger@example.org"))


def test_unticking_and_ticking_again(client, statement_page, leeds, introduce):
    three(statement_page)
    choose = f"/introductions/choose/?token={person_token('ada@example.org')}"
    page = visible_text(client.get(choose))
    assert "Introduce me to other supporters in my constituency or union branch" in page

    done = client.post(choose, {"token": person_token("ada@example.org")})  # unticked
    assert "we will not introduce you" in visible_text(done)
    assert not Signature.objects.get(email="ada@example.org").introduce_me
    assert introduce() == 0  # withdrawn before it was sent: two left

    client.post(choose, {"token": person_token("ada@example.org"), "introduce_me": "on"})
    assert Signature.objects.get(email="ada@example.org").introduce_me
    assert introduce() == 3


def test_the_choice_page_refuses_a_tampered_link_and_an_unsigned_address(client, home_page):
    assert client.get("/introductions/choose/?token=broken").status_code == 400
    response = client.get(f"/introductions/choose/?token={person_token('nobody@example.org')}")
    assert "We have no confirmed signature from this address." in visible_text(response)


def test_withdrawing_entirely_removes_the_memberships(client, statement_page, leeds, introduce):
    three(statement_page)
    introduce()
    ada = Membership.objects.get(signature__email="ada@example.org")
    GroupMessage.objects.create(group=ada.group, sender=ada, body="Hello all")
    mail.outbox.clear()
    client.post(
        path_of(your_data_url("ada@example.org", "http://testserver/")),
        {
            "token": person_token("ada@example.org"),
            "action": "erase",
        },
    )
    assert not Membership.objects.filter(signature__email="ada@example.org").exists()
    assert GroupMessage.objects.get().sender is None
