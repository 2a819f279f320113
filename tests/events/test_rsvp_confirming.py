"""Events that ask RSVPs to be confirmed by email: no place or count until the emailed button is pressed."""

import re
import time
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.core import mail
from django.utils import timezone

from campaign.events import recounting
from campaign.events.models import Rsvp, RsvpCount
from campaign.events.tasks import purge_rsvps
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(home_page, site_settings):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(
        parent=index,
        title="Branch meeting",
        slug="branch-meeting",
        takes_rsvps=True,
        capacity=1,
        rsvps_need_confirming=True,
    )


def answer(client, event, email="ada@example.org"):
    return client.post(event.url + "rsvp/", {"name": "Ada", "email": email, "phone": "", "website": ""})


def confirm_link(message):
    return re.search(r"http://testserver(\S+/rsvp/confirm/\?token=\S+)", message.body).group(1)


def press(client, link):
    return client.post(link, {"token": unquote(link.split("token=")[1])})


def counts(event):
    row = RsvpCount.objects.get(event=event)
    return row.going, row.waiting


def test_the_event_page_says_rsvps_are_confirmed_by_email(client, meeting):
    assert "We will email you a link to confirm" in client.get(meeting.url).content.decode()


def test_an_rsvp_waits_unconfirmed_takes_no_place_and_is_emailed_a_confirm_link(client, meeting):
    response = answer(client, meeting)

    html = response.content.decode()
    assert "<h1>Check your inbox</h1>" in html and "a link to confirm that you are coming" in html
    assert Rsvp.objects.get().status == "unconfirmed"
    assert counts(meeting) == (0, 0)
    assert "0 going · 1 place left" in client.get(meeting.url).content.decode()
    [message] = mail.outbox
    assert message.subject == "Please confirm: are you coming to Branch meeting?"
    assert "/rsvp/cancel/" not in message.body and message.attachments == []
    assert confirm_link(message)


def test_the_confirm_link_asks_first_and_a_scanners_get_confirms_nothing(client, meeting):
    answer(client, meeting)
    page = client.get(confirm_link(mail.outbox[0]))

    assert page.status_code == 200
    assert "Confirm that I am coming</button>" in page.content.decode()
    assert Rsvp.objects.get().status == "unconfirmed" and counts(meeting) == (0, 0)


def test_pressing_the_button_takes_the_place_and_emails_the_details_once(client, meeting):
    answer(client, meeting)
    link = confirm_link(mail.outbox[0])
    mail.outbox.clear()

    done = press(client, link)
    again = press(client, link)

    assert "you are coming to Branch meeting" in done.content.decode()
    assert "Already confirmed: you are coming to Branch meeting" in again.content.decode()
    rsvp = Rsvp.objects.get()
    assert rsvp.status == "going" and rsvp.confirmed_at is not None
    assert counts(meeting) == (1, 0)
    assert recounting.recount() == 0
    [details] = mail.outbox
    assert details.subject == "You are coming: Branch meeting"
    assert "/rsvp/cancel/?token=" in details.body and details.attachments


def test_places_go_in_the_order_people_confirm(client, meeting):
    answer(client, meeting, "ada@example.org")
    answer(client, meeting, "bob@example.org")
    ada_link, bob_link = (confirm_link(message) for message in mail.outbox)

    press(client, bob_link)
    waiting = press(client, ada_link)

    assert "you are on the waiting list for Branch meeting" in waiting.content.decode()
    statuses = dict(Rsvp.objects.values_list("email", "status"))
    assert statuses == {"bob@example.org": "going", "ada@example.org": "waiting"}
    assert counts(meeting) == (1, 1)


def test_asking_again_before_confirming_makes_no_second_rsvp_and_resends_once(client, meeting):
    first = answer(client, meeting)
    mail.outbox.clear()
    again = answer(client, meeting)
    answer(client, meeting)

    assert first.content == again.content
    assert Rsvp.objects.count() == 1
    [resent] = mail.outbox
    assert resent.subject == "Please confirm: are you coming to Branch meeting?"


def test_an_expired_link_confirms_nothing(client, meeting, monkeypatch):
    answer(client, meeting)
    link = confirm_link(mail.outbox[0])
    later = time.time() + 49 * 60 * 60
    monkeypatch.setattr(time, "time", lambda: later)  # the clock the signed link is checked against

    for response in (client.get(link), press(client, link)):
        assert response.status_code == 400
        assert "This link has expired" in response.content.decode()
    assert Rsvp.objects.get().status == "unconfirmed"


@pytest.mark.parametrize("token", ["", "garbage", "WzEsImFiYyJd:tampered:sig"])
def test_a_tampered_confirm_link_confirms_nothing(client, meeting, token):
    answer(client, meeting)
    response = client.post(meeting.url + "rsvp/confirm/", {"token": token})
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert Rsvp.objects.get().status == "unconfirmed"


def test_a_cancel_link_is_no_confirm_link(client, meeting):
    answer(client, meeting)
    token = unquote(confirm_link(mail.outbox[0]).split("token=")[1])
    assert client.post(meeting.url + "rsvp/cancel/", {"token": token}).status_code == 400
    assert Rsvp.objects.get().status == "unconfirmed"


def test_no_confirming_once_the_event_is_cancelled(client, meeting):
    answer(client, meeting)
    meeting.cancelled = True
    meeting.save()
    response = press(client, confirm_link(mail.outbox[0]))
    assert "RSVPs are closed for Branch meeting" in response.content.decode()
    assert Rsvp.objects.get().status == "unconfirmed" and counts(meeting) == (0, 0)


def test_unconfirmed_rsvps_are_deleted_once_their_link_has_expired(client, meeting, django_capture_on_commit_callbacks):
    answer(client, meeting, "old@example.org")
    answer(client, meeting, "new@example.org")
    Rsvp.objects.filter(email="old@example.org").update(created_at=timezone.now() - timedelta(hours=49))

    purge_rsvps.call()

    assert list(Rsvp.objects.values_list("email", flat=True)) == ["new@example.org"]


def test_the_editor_sets_it_in_the_event_s_rsvp_panel(admin_client, meeting):
    html = admin_client.get(f"/admin/pages/{meeting.pk}/edit/").content.decode()
    assert 'name="rsvps_need_confirming"' in html
    assert "RSVPs must be confirmed by email" in html
