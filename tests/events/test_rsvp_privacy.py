"""The RSVP form tells no one who is coming: a new and a known address get the same page; the status goes by email."""

import re

import pytest
from django.core import mail

from campaign.events.models import Rsvp
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def launch(home_page, site_settings):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(
        parent=index, title="London launch meeting", slug="london-launch", takes_rsvps=True, capacity=1
    )


def answer(client, event, email, **changes):
    data = {"name": "Someone", "email": email, "phone": "", "website": "", **changes}
    return client.post(event.url + "rsvp/", data)


def public(response):
    """Everything a visitor (or whoever typed the address) receives, but the clock's time (never-cache `Expires`)."""
    headers = {name: value for name, value in response.headers.items() if name != "Expires"}
    return response.status_code, headers, response.content


@pytest.mark.parametrize("updates", ["", "on"])
def test_a_known_address_and_a_new_one_get_byte_identical_answers(client, launch, updates):
    answer(client, launch, "going@example.org")  # takes the one place
    answer(client, launch, "waiting@example.org")  # the waiting list

    known_going = answer(client, launch, "going@example.org", updates=updates)
    known_waiting = answer(client, launch, "waiting@example.org", updates=updates)
    new = answer(client, launch, "new@example.org", updates=updates)

    assert public(known_going) == public(known_waiting) == public(new)
    assert known_going.status_code == 200
    assert Rsvp.objects.get(email="new@example.org").status == "waiting"


def test_the_answer_names_no_one_s_status(client, launch):
    answer(client, launch, "going@example.org")
    text = answer(client, launch, "going@example.org").content.decode()

    assert "<h1>Check your inbox</h1>" in text
    leaks = ["already coming", "already on the list", "You are coming", "You have a place", "on the waiting list for"]
    assert not [leak for leak in leaks if leak in text]
    assert "going@example.org" not in text


def test_only_the_known_address_is_told_its_status_with_its_cancel_link(client, launch):
    answer(client, launch, "going@example.org")
    answer(client, launch, "waiting@example.org")
    mail.outbox.clear()

    answer(client, launch, "going@example.org")
    answer(client, launch, "waiting@example.org")

    going, waiting = mail.outbox
    assert going.to == ["going@example.org"]
    assert going.subject == "You already have a place: London launch meeting"
    assert waiting.to == ["waiting@example.org"]
    assert waiting.subject == "Already on the waiting list: London launch meeting"
    assert "nothing has changed" in waiting.body
    link = re.search(r"http://testserver(\S+/rsvp/cancel/\?token=\S+)", waiting.body).group(1)
    assert "Leave the waiting list</button>" in client.get(link).content.decode()


def test_the_status_email_goes_at_most_once_per_interval(client, launch):
    answer(client, launch, "going@example.org")
    mail.outbox.clear()
    for _ in range(5):
        answer(client, launch, "going@example.org")
    assert len(mail.outbox) == 1


def test_with_confirmation_on_a_confirmed_and_a_new_address_get_the_same_answer(client, launch):
    launch.rsvps_need_confirming = True
    launch.save()
    Rsvp.objects.create(event=launch, name="Ada", email="ada@example.org", status=Rsvp.Status.GOING)

    known = answer(client, launch, "ada@example.org")
    new = answer(client, launch, "bob@example.org")

    assert public(known) == public(new)
    assert [message.to for message in mail.outbox] == [["ada@example.org"], ["bob@example.org"]]
    assert mail.outbox[0].subject == "You already have a place: London launch meeting"
