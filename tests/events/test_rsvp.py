"""RSVPs: saying you are coming, the waiting list, the counts on the page, repeats and closed events."""

import pytest
from django.core import mail
from django.core.cache import cache

from campaign.events import recounting
from campaign.events.models import Rsvp, RsvpCount
from core.subscriptions.models import Consent
from tests.events.factories import EventIndexPageFactory, EventPageFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def events_index(home_page, site_settings):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def meeting(events_index):
    return EventPageFactory(
        parent=events_index, title="Branch meeting", slug="branch-meeting", takes_rsvps=True, capacity=2
    )


def answer(client, event, **changes):
    data = {"name": "Ada Lovelace", "email": "ada@example.org", "phone": "", "website": "", **changes}
    return client.post(event.url + "rsvp/", data)


def test_event_page_offers_the_form_and_says_how_many_are_going(client, meeting):
    RsvpCount.objects.create(event=meeting, going=1)  # the kept count, with no rows behind it: read, not counted
    html = client.get(meeting.url).content.decode()
    assert '<h2 id="rsvp-heading">Say you are coming</h2>' in html
    assert "1 going · 1 place left" in html
    assert f'action="{meeting.url}rsvp/"' in html
    assert "csrfmiddlewaretoken" not in html  # the same page for every visitor: protected by origin (core.cross_origin)
    assert "Send me campaign updates by email" in html
    assert 'id="field-website" aria-hidden="true"' in html


def test_a_full_event_offers_the_waiting_list(client, meeting):
    RsvpCount.objects.create(event=meeting, going=2)
    html = client.get(meeting.url).content.decode()
    assert "Full: join the waiting list" in html
    assert "2 going · no places left" in html
    assert "Join the waiting list</button>" in html


def test_an_event_without_rsvps_shows_no_form(client, events_index):
    event = EventPageFactory(parent=events_index)
    html = client.get(event.url).content.decode()
    assert "rsvp-heading" not in html


def test_the_page_reads_the_counts_in_one_query_however_many_come(client, meeting, django_assert_max_num_queries):
    meeting.capacity = None
    meeting.save()
    for number in range(30):
        Rsvp.objects.create(event=meeting, name=f"P{number}", email=f"p{number}@example.org")
    recounting.recount()
    # 12, and three for the languages (#29): Wagtail's routing reads the active Locale, the process reads
    # its Locales once (core.languages), and the language switch finds the page's versions in one query.
    with django_assert_max_num_queries(15) as few:
        html = client.get(meeting.url).content.decode()
    assert "30 going" in html
    assert not [query for query in few.captured_queries if 'FROM "events_rsvp"' in query["sql"]]


def test_rsvp_keeps_a_place_and_emails_the_details_with_the_calendar_file(client, meeting):
    response = answer(client, meeting, name="Ada <b>L</b>", phone="07700 900123")

    assert response.status_code == 200
    assert "<h1>Check your inbox</h1>" in response.content.decode()
    rsvp = Rsvp.objects.get()
    assert (rsvp.status, rsvp.name, rsvp.phone) == ("going", "Ada <b>L</b>", "07700 900123")
    assert RsvpCount.objects.get(event=meeting).going == 1
    [message] = mail.outbox
    assert message.to == ["ada@example.org"]
    assert message.subject == "You are coming: Branch meeting"
    assert "Ada" not in message.body  # what a stranger typed never reaches the inbox
    assert f"http://testserver{meeting.url}rsvp/cancel/?token=" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("branch-meeting.ics", "text/calendar")
    text = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in text and f"UID:event-{meeting.pk}@testserver" in text


def test_when_full_the_next_person_joins_the_waiting_list(client, meeting):
    answer(client, meeting, email="one@example.org")
    answer(client, meeting, email="two@example.org")
    response = answer(client, meeting, email="three@example.org")

    assert "<h1>Check your inbox</h1>" in response.content.decode()
    assert Rsvp.objects.get(email="three@example.org").status == "waiting"
    counts = RsvpCount.objects.get(event=meeting)
    assert (counts.going, counts.waiting) == (2, 1)
    assert mail.outbox[-1].subject == "Waiting list: Branch meeting"
    assert "Full: join the waiting list" in client.get(meeting.url).content.decode()


def test_a_second_rsvp_with_the_same_address_changes_nothing_and_tells_only_that_inbox(client, meeting):
    answer(client, meeting)
    mail.outbox.clear()
    first_repeat = answer(client, meeting, email=" ADA@example.org ", name="Someone else")
    second_repeat = answer(client, meeting)

    assert "<h1>Check your inbox</h1>" in first_repeat.content.decode()
    assert first_repeat.content == second_repeat.content
    assert Rsvp.objects.count() == 1 and Rsvp.objects.get().name == "Ada Lovelace"
    assert RsvpCount.objects.get(event=meeting).going == 1
    [told] = mail.outbox  # one status email, however often the form is sent within ten minutes
    assert told.to == ["ada@example.org"] and told.subject == "You already have a place: Branch meeting"


def test_a_repeat_after_ten_minutes_tells_the_address_again_once(client, meeting):
    answer(client, meeting)
    answer(client, meeting)
    mail.outbox.clear()
    cache.clear()  # as if ten minutes had passed
    answer(client, meeting)
    answer(client, meeting)
    assert [message.subject for message in mail.outbox] == ["You already have a place: Branch meeting"]


@pytest.mark.parametrize(
    "changes, reason",
    [
        ({"cancelled": True}, "This event has been cancelled."),
        ({"start": lambda: in_days(-2), "end": lambda: in_days(-2, 2)}, "already started or taken place"),
        ({"takes_rsvps": False}, "does not take RSVPs"),
    ],
)
def test_no_rsvp_to_a_cancelled_past_or_closed_event(client, meeting, changes, reason):
    for name, value in changes.items():
        setattr(meeting, name, value() if callable(value) else value)  # times as the test runs, not as collected
    meeting.save()

    response = answer(client, meeting)

    assert response.status_code == 200
    html = response.content.decode()
    assert "RSVPs are closed for Branch meeting" in html and reason in html
    assert not Rsvp.objects.exists() and mail.outbox == []


def test_mistakes_are_shown_on_the_form_and_nothing_typed_is_lost(client, meeting):
    response = answer(client, meeting, name="  ", email="not an address", phone="call me <maybe>")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter your name." in html
    assert "Enter a valid email address." in html
    assert "Enter a phone number in digits" in html
    assert 'value="not an address"' in html and "call me &lt;maybe&gt;" in html
    assert not Rsvp.objects.exists() and mail.outbox == []


def test_a_filled_honeypot_saves_nothing(client, meeting):
    response = answer(client, meeting, website="https://spam.example")
    assert "Please leave this field empty." in response.content.decode()
    assert not Rsvp.objects.exists()


def test_rsvps_are_rate_limited(client, meeting, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "rsvp": (2, 3600)}
    answer(client, meeting, email="a@example.org")
    answer(client, meeting, email="b@example.org")
    assert answer(client, meeting, email="c@example.org").status_code == 429
    assert Rsvp.objects.count() == 2


def test_asking_for_updates_records_a_consent_that_waits_for_the_emailed_link(client, meeting):
    answer(client, meeting, updates="on")

    consent = Consent.objects.get()
    assert consent.confirmed_at is None
    assert consent.form == "the RSVP form for “Branch meeting”"
    assert sorted(message.subject for message in mail.outbox) == [
        "Please confirm: campaign updates by email",
        "You are coming: Branch meeting",
    ]


def test_no_updates_unless_asked(client, meeting):
    answer(client, meeting)
    assert not Consent.objects.exists()


def test_recount_repairs_the_kept_counts(meeting):
    Rsvp.objects.create(event=meeting, name="A", email="a@example.org")
    Rsvp.objects.create(event=meeting, name="B", email="b@example.org", status=Rsvp.Status.WAITING)
    Rsvp.objects.create(event=meeting, name="C", email="c@example.org", status=Rsvp.Status.CANCELLED)
    RsvpCount.objects.create(event=meeting, going=7, waiting=0)

    assert recounting.recount() == 1
    counts = RsvpCount.objects.get(event=meeting)
    assert (counts.going, counts.waiting) == (1, 1)
    assert recounting.recount() == 0


def test_an_rsvp_from_another_site_is_refused_and_saves_nothing(client, meeting):
    response = client.post(
        f"{meeting.url}rsvp/", {"name": "Ada", "email": "ada@example.org"}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert response.status_code == 403
    assert not Rsvp.objects.exists()
