"""Cancelling an RSVP from the emailed link, the waiting list moving up, the reminder and a changed event."""

import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.core import mail
from django.utils import timezone

from campaign.events import attendance
from campaign.events.models import Rsvp, RsvpCount
from campaign.events.tasks import send_rsvp_reminders
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(home_page, site_settings):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=index, title="Branch meeting", slug="branch-meeting", takes_rsvps=True, capacity=1)


def answer(client, event, email):
    client.post(event.url + "rsvp/", {"name": "Someone", "email": email, "website": ""})
    return Rsvp.objects.get(email=email, status__in=["going", "waiting"])


def cancel_link(message):
    return re.search(r"http://testserver(\S+/rsvp/cancel/\?token=\S+)", message.body).group(1)


def test_the_cancel_link_asks_first_and_a_scanners_get_changes_nothing(client, meeting):
    answer(client, meeting, "ada@example.org")
    link = cancel_link(mail.outbox[0])

    page = client.get(link)

    html = page.content.decode()
    assert page.status_code == 200
    assert "<h1>Cancel your place</h1>" in html and "Cancel my place</button>" in html
    assert Rsvp.objects.get().status == "going"


def test_cancelling_frees_the_place_for_the_first_on_the_waiting_list_who_is_told(client, meeting):
    answer(client, meeting, "ada@example.org")
    answer(client, meeting, "bob@example.org")
    answer(client, meeting, "cy@example.org")
    link = cancel_link(mail.outbox[0])
    token = unquote(link.split("token=")[1])
    mail.outbox.clear()

    response = client.post(link, {"token": token})

    assert "You are no longer on the list" in response.content.decode()
    statuses = dict(Rsvp.objects.values_list("email", "status"))
    assert statuses == {"ada@example.org": "cancelled", "bob@example.org": "going", "cy@example.org": "waiting"}
    assert Rsvp.objects.get(email="bob@example.org").promoted_at is not None
    counts = RsvpCount.objects.get(event=meeting)
    assert (counts.going, counts.waiting) == (1, 1)
    [told] = mail.outbox
    assert told.to == ["bob@example.org"] and told.subject == "A place for you: Branch meeting"
    assert told.attachments[0][0] == "branch-meeting.ics"


def test_cancelling_twice_changes_nothing_more(client, meeting):
    answer(client, meeting, "ada@example.org")
    answer(client, meeting, "bob@example.org")
    link = cancel_link(mail.outbox[0])
    token = unquote(link.split("token=")[1])
    client.post(link, {"token": token})
    mail.outbox.clear()

    again = client.post(link, {"token": token})

    assert "Already cancelled" in again.content.decode()
    assert "Already cancelled" in client.get(link).content.decode()
    counts = RsvpCount.objects.get(event=meeting)
    assert (counts.going, counts.waiting) == (1, 0)
    assert mail.outbox == []


def test_leaving_the_waiting_list(client, meeting):
    answer(client, meeting, "ada@example.org")
    answer(client, meeting, "bob@example.org")
    link = cancel_link(mail.outbox[1])
    assert "Leave the waiting list</button>" in client.get(link).content.decode()
    client.post(link, {"token": unquote(link.split("token=")[1])})
    counts = RsvpCount.objects.get(event=meeting)
    assert (counts.going, counts.waiting) == (1, 0)


@pytest.mark.parametrize("token", ["", "garbage", "WzEsImFiYyJd:tampered:sig"])
def test_a_tampered_cancel_link_gets_a_clear_page_and_cancels_nothing(client, meeting, token):
    answer(client, meeting, "ada@example.org")
    good = cancel_link(mail.outbox[0]).split("token=")[1]
    for bad in [token, good[:-2] + "xx"]:
        response = client.post(meeting.url + "rsvp/cancel/", {"token": bad})
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert Rsvp.objects.get().status == "going"


def test_the_reminder_goes_the_day_before_once_to_those_going(client, meeting, run_job):
    answer(client, meeting, "ada@example.org")
    answer(client, meeting, "bob@example.org")  # waiting: no reminder
    mail.outbox.clear()

    run_job(send_rsvp_reminders.call)
    assert mail.outbox == []  # a week ahead: not yet

    meeting.start = timezone.now() + timedelta(hours=20)
    meeting.end = meeting.start + timedelta(hours=2)
    meeting.save()
    run_job(send_rsvp_reminders.call)
    run_job(send_rsvp_reminders.call)

    [reminder] = mail.outbox
    assert reminder.to == ["ada@example.org"] and reminder.subject == "Tomorrow: Branch meeting"
    assert Rsvp.objects.get(email="ada@example.org").reminded_at is not None


def test_no_reminder_for_a_cancelled_event(client, meeting):
    answer(client, meeting, "ada@example.org")
    mail.outbox.clear()
    meeting.start = timezone.now() + timedelta(hours=20)
    meeting.end = meeting.start + timedelta(hours=2)
    meeting.cancelled = True
    meeting.save()
    assert attendance.remind_due() == 0
    assert mail.outbox == []


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish an edit as an editor does; the emails it queues are sent as on a commit."""

    def publish(page, **changes):
        for name, value in changes.items():
            setattr(page, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    return publish


@pytest.fixture
def run_job(django_capture_on_commit_callbacks):
    def run(job):
        with django_capture_on_commit_callbacks(execute=True):
            return job()

    return run


def test_a_changed_time_or_place_emails_everyone_on_the_list_once(client, meeting, publish):
    answer(client, meeting, "ada@example.org")
    answer(client, meeting, "bob@example.org")
    mail.outbox.clear()

    publish(meeting, description="<p>Tea provided.</p>")
    assert mail.outbox == []  # nothing attendees rely on changed

    publish(meeting, venue_name="Friends Meeting House")
    assert sorted(message.to[0] for message in mail.outbox) == ["ada@example.org", "bob@example.org"]
    assert mail.outbox[0].subject == "Changed: Branch meeting"
    assert "Friends Meeting House" in mail.outbox[0].body

    mail.outbox.clear()
    publish(meeting, description="<p>Tea and cake.</p>")
    assert mail.outbox == []


def test_a_cancelled_event_tells_everyone_and_sends_no_cancel_link(client, meeting, publish):
    answer(client, meeting, "ada@example.org")
    mail.outbox.clear()

    publish(meeting, cancelled=True)

    [message] = mail.outbox
    assert message.subject == "Cancelled: Branch meeting"
    assert "/rsvp/cancel/" not in message.body


def test_a_raised_capacity_gives_the_new_places_to_the_waiting_list(client, meeting, publish):
    answer(client, meeting, "ada@example.org")
    answer(client, meeting, "bob@example.org")
    mail.outbox.clear()

    publish(meeting, capacity=2)

    assert Rsvp.objects.get(email="bob@example.org").status == "going"
    assert [message.subject for message in mail.outbox] == ["A place for you: Branch meeting"]


def test_the_your_data_page_shows_rsvps_and_withdrawing_frees_the_place(client, meeting):
    answer(client, meeting, "ada@example.org")
    answer(client, meeting, "bob@example.org")
    your_data = re.search(r"http://testserver(/your-data/\?token=\S+)", mail.outbox[0].body).group(1)

    assert "Your RSVP to “Branch meeting”" in client.get(your_data).content.decode()
    client.post(your_data, {"action": "erase", "token": unquote(your_data.split("token=")[1])})

    assert not Rsvp.objects.filter(email="ada@example.org").exists()
    assert Rsvp.objects.get(email="bob@example.org").status == "going"
    counts = RsvpCount.objects.get(event=meeting)
    assert (counts.going, counts.waiting) == (1, 0)
