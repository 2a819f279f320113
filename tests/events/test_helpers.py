"""Helpers: an event asks for a number of people to help run it ("3 of 4 helpers"), apart from those coming.

A helper signs up through the RSVP form (the same confirmation, calendar file, reminder and cancel link),
counts in a kept count of its own, and the page stops asking once enough have signed up: helpers have
no waiting list. Organisers see and filter them in the RSVP list.
"""

import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from campaign.events import attendance, recounting
from campaign.events.models import EventPage, Rsvp, RsvpCount
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.html import visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def events_index(home_page, site_settings):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def stall(events_index):
    return EventPageFactory(
        parent=events_index, title="Market stall", slug="market-stall", takes_rsvps=True, capacity=10, helpers_wanted=4
    )


def answer(client, event, **changes):
    data = {"name": "Ada Lovelace", "email": "ada@example.org", "phone": "", "website": "", "role": "attendee"}
    data.update(changes)
    return client.post(event.url + "rsvp/", data)


def test_the_page_says_how_many_helpers_and_offers_to_help(client, stall):
    RsvpCount.objects.create(event=stall, going=3, helping=3)

    html = client.get(stall.url).content.decode()

    assert "3 going · 7 places left · 3 of 4 helpers" in visible_text(html)
    assert "We need 1 more helper to run it" in html
    assert 'name="role" value="helper"' in html and "To help run it" in html


def test_a_helper_signs_up_and_gets_the_confirmation_with_the_calendar_file(client, stall):
    response = answer(client, stall, role="helper")

    assert "<h1>Check your inbox</h1>" in response.content.decode()
    rsvp = Rsvp.objects.get()
    assert (rsvp.role, rsvp.status) == ("helper", "going")
    counts = RsvpCount.objects.get(event=stall)
    assert (counts.going, counts.helping) == (0, 1)  # a helper takes no attendee's place
    [message] = mail.outbox
    assert message.subject == "You are helping: Market stall"
    assert "Thank you for helping run Market stall" in message.body
    assert f"http://testserver{stall.url}rsvp/cancel/?token=" in message.body
    assert message.attachments[0][0] == "market-stall.ics"
    assert "1 of 4 helpers" in visible_text(client.get(stall.url))


def test_once_enough_have_signed_up_the_page_stops_asking_and_a_late_helper_is_told_politely(client, stall):
    page_before = client.get(stall.url).content.decode()
    assert 'value="helper"' in page_before
    RsvpCount.objects.create(event=stall, helping=4)  # meanwhile, the fourth helper signed up

    html = client.get(stall.url).content.decode()
    assert "4 of 4 helpers" in visible_text(html)
    assert 'value="helper"' not in html and "Every helper we need has signed up, thank you." in html

    response = answer(client, stall, role="helper")  # sent from the page loaded before
    assert response.status_code == 200
    assert "Every helper we need has signed up, thank you." in response.content.decode()
    assert not Rsvp.objects.exists() and mail.outbox == []
    with pytest.raises(attendance.HelpersFound):
        attendance.take(stall, "Late", "late@example.org", role=Rsvp.Role.HELPER)


def test_an_event_that_only_wants_helpers_asks_only_that(client, events_index):
    event = EventPageFactory(parent=events_index, title="Leafleting", slug="leafleting", helpers_wanted=2)

    html = client.get(event.url).content.decode()
    assert '<h2 id="rsvp-heading">Help run it</h2>' in html
    assert 'name="role"' not in html and "I will help</button>" in html

    answer(client, event)
    assert Rsvp.objects.get().role == "helper"
    assert RsvpCount.objects.get(event=event).helping == 1


def test_a_helper_who_cancels_frees_the_helpers_place_not_an_attendees(client, stall):
    stall.capacity = 1
    stall.save()
    attendance.take(stall, "Going", "going@example.org")
    attendance.take(stall, "Waiting", "waiting@example.org")
    helper = attendance.take(stall, "Helper", "helper@example.org", role=Rsvp.Role.HELPER)

    assert attendance.cancel(helper)

    counts = RsvpCount.objects.get(event=stall)
    assert (counts.going, counts.waiting, counts.helping) == (1, 1, 0)
    assert Rsvp.objects.get(email="waiting@example.org").status == "waiting"


def test_a_helper_confirms_by_email_where_the_event_asks_for_it(client, stall):
    stall.rsvps_need_confirming = True
    stall.save()
    answer(client, stall, role="helper")
    assert Rsvp.objects.get().status == "unconfirmed"
    link = re.search(r"https?://testserver(\S+/rsvp/confirm/\?token=\S+)", mail.outbox[0].body).group(1)

    Client().post(link.split("?")[0], {"token": unquote(link.split("token=")[1])})

    assert Rsvp.objects.get().status == "going"
    assert RsvpCount.objects.get(event=stall).helping == 1


def test_helpers_are_reminded_the_day_before(stall, django_capture_on_commit_callbacks):
    start = timezone.now() + timedelta(hours=20)
    EventPage.objects.filter(pk=stall.pk).update(start=start, end=start + timedelta(hours=2))
    attendance.take(EventPage.objects.get(pk=stall.pk), "Helper", "helper@example.org", role=Rsvp.Role.HELPER)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert attendance.remind_due() == 1
    [reminder] = mail.outbox
    assert reminder.subject == "Tomorrow: Market stall"
    assert "you are helping at Market stall" in reminder.body


def test_recount_repairs_the_helpers_count(stall):
    Rsvp.objects.create(event=stall, name="H", email="h@example.org", role=Rsvp.Role.HELPER)
    Rsvp.objects.create(event=stall, name="A", email="a@example.org")
    RsvpCount.objects.create(event=stall, going=5, helping=0)

    assert recounting.recount() == 1
    counts = RsvpCount.objects.get(event=stall)
    assert (counts.going, counts.helping) == (1, 1)


def test_organisers_see_and_filter_helpers_in_the_rsvp_list(organiser, stall):
    Rsvp.objects.create(event=stall, name="Helpful Hana", email="hana@example.org", role=Rsvp.Role.HELPER)
    Rsvp.objects.create(event=stall, name="Coming Carla", email="carla@example.org")
    client = Client()
    client.force_login(organiser)

    listing = client.get("/admin/events/rsvp/").content.decode()
    assert "Helping" in listing and "Coming" in listing

    helpers = visible_text(client.get("/admin/events/rsvp/?role__exact=helper"))
    assert "Helpful Hana" in helpers and "Coming Carla" not in helpers
    download = client.get("/admin/events/rsvp/?role__exact=helper&export=csv")
    text = b"".join(download.streaming_content).decode("utf-8")
    assert "hana@example.org" in text and "carla@example.org" not in text
