"""The "submit your activity" form: saved as new, emails to the submitter and the organisers, protection."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from campaign.events.models import EventSubmission
from tests.core.task_queue import queued_text, run_worker, use_database_queue
from tests.events.factories import EventIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def events_index(home_page, site_settings):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def submit(client):
    """POST the form as a browser does (the client runs what waits for the commit: the emails)."""

    def post(data, client=client):
        return client.post("/events/submit/", data)

    return post


def local(days, hour):
    """A date and time as a person in the site's zone types it into the form."""
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0).strftime("%Y-%m-%dT%H:%M")


def valid_data(**changes):
    data = {
        "title": "Street stall in Leeds",
        "kind": "stall",
        "start": local(10, 11),
        "end": local(10, 14),
        "venue_name": "Kirkgate Market",
        "address": "Vicar Lane",
        "town": "Leeds",
        "postcode": "LS2 7HY",
        "online_url": "",
        "description": "Leaflets and a petition.",
        "organiser_name": "Leeds supporters",
        "organiser_contact": "07700 900456",
        "email": "organiser@example.org",
        "website": "",
    }
    data.update(changes)
    return data


def test_form_is_accessible_and_protected(client, events_index):
    response = client.get("/events/submit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Submit your activity</h1>" in html
    assert "csrfmiddlewaretoken" not in html  # the same page for every visitor: protected by origin (core.cross_origin)
    assert '<label for="id_title">' in html
    assert "<legend>Kind</legend>" in html
    assert 'type="datetime-local"' in html
    assert 'class="field hp-field" id="field-website" aria-hidden="true"' in html
    assert "Never shown publicly." in html
    assert 'href="/events/submit/"' in client.get("/events/").content.decode()


def test_submission_is_saved_as_new_and_everyone_is_told(client, events_index, submit):
    response = submit(valid_data())

    assert response.status_code == 302
    assert response["Location"] == "/events/submit/thanks/"
    thanks = client.get(response["Location"]).content.decode()
    assert "We have your activity" in thanks

    submission = EventSubmission.objects.get()
    assert submission.status == EventSubmission.Status.NEW
    assert submission.title == "Street stall in Leeds"
    assert submission.email == "organiser@example.org"

    acknowledgement, notification = mail.outbox
    assert acknowledgement.to == ["organiser@example.org"]
    assert acknowledgement.subject == f"We have your activity (reference {submission.pk})"
    assert "Street stall" in acknowledgement.body  # the kind, in the site's words
    assert "http://testserver/events/" in acknowledgement.body
    assert acknowledgement.alternatives[0][1] == "text/html"
    assert acknowledgement.tags == ["events-event_submission_received"]  # anymail's test backend

    assert notification.to == ["info@example.org"]
    assert notification.reply_to == ["organiser@example.org"]
    assert notification.subject == "New activity submitted: Street stall in Leeds"
    assert f"http://testserver/admin/events/eventsubmission/inspect/{submission.pk}/" in notification.body
    assert "Kirkgate Market" in notification.body and "07700 900456" in notification.body


def test_submitted_times_are_read_in_the_sites_zone(client, events_index, submit):
    """19:00 typed for a July evening is 19:00 BST, i.e. 18:00 UTC."""
    year = timezone.now().year + 1
    submit(valid_data(start=f"{year}-07-01T19:00", end=f"{year}-07-01T21:00"))
    submission = EventSubmission.objects.get()
    assert submission.start == datetime(year, 7, 1, 18, 0, tzinfo=UTC)
    assert submission.end == datetime(year, 7, 1, 20, 0, tzinfo=UTC)


def test_submitters_email_is_never_shown_publicly(client, events_index, submit):
    submit(valid_data(email="private-person@example.org"))
    for url in ["/events/", "/events/submit/thanks/", "/"]:
        assert "private-person@example.org" not in client.get(url).content.decode()


def test_honeypot_stops_robots(client, events_index, submit):
    response = submit(valid_data(website="http://spam.example"))
    assert response.status_code == 200
    assert "Please leave this field empty." in response.content.decode()
    assert not EventSubmission.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"end": local(10, 10)}, "end", "The end must be after the start."),
        ({"end": local(10, 11)}, "end", "The end must be after the start."),
        ({"start": local(-1, 11), "end": local(-1, 14)}, "start", "The start is in the past."),
        ({"end": local(19, 11)}, "end", "An activity can last at most a week."),
        ({"start": local(800, 11), "end": local(800, 14)}, "start", "more than two years away"),
        ({"start": "next Tuesday"}, "start", "Enter a valid date/time."),
        ({"title": "x" * 121}, "title", "at most 120 characters"),
        ({"description": "x" * 4001}, "description", "at most 4000 characters"),
        ({"title": ""}, "title", "This field is required."),
        ({"town": ""}, "town", "This field is required."),
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"kind": "party"}, "kind", "Select a valid choice."),
        ({"online_url": "javascript:alert(1)"}, "online_url", "Enter a valid URL."),
        ({"online_url": "ftp://files.example.org/x"}, "online_url", "starting with https://"),
    ],
)
def test_bad_input_is_explained_next_to_the_field(client, events_index, changes, field, message, submit):
    response = submit(valid_data(**changes))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary" role="alert"' in html
    assert f'href="#id_{field}' in html
    error = html.split(f'id="id_{field}_error"')[1].split("</p>")[0]
    assert message in error
    assert not EventSubmission.objects.exists()
    assert mail.outbox == []


def test_what_was_typed_is_kept_and_escaped_when_the_form_is_shown_again(client, events_index, submit):
    html = submit(valid_data(title="<script>alert(1)</script>", email="bad")).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in html


def test_line_breaks_in_one_line_fields_are_flattened(client, events_index, submit):
    submit(valid_data(title="Stall\r\nBcc: victim@example.org"))
    submission = EventSubmission.objects.get()
    assert submission.title == "Stall Bcc: victim@example.org"
    assert mail.outbox[1].subject == "New activity submitted: Stall Bcc: victim@example.org"


def test_submissions_are_rate_limited_per_visitor(client, events_index, settings, submit):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "submit": (2, 3600)}
    assert submit(valid_data()).status_code == 302
    assert submit(valid_data()).status_code == 302
    blocked = submit(valid_data())
    assert blocked.status_code == 429
    assert "Please try again later" in blocked.content.decode()
    assert EventSubmission.objects.count() == 2
    assert client.get("/events/submit/").status_code == 200


def test_a_post_from_another_site_is_refused(events_index, submit):
    client = Client(enforce_csrf_checks=True, headers={"Sec-Fetch-Site": "cross-site"})
    assert submit(valid_data(), client=client).status_code == 403
    assert not EventSubmission.objects.exists()


def test_no_organiser_email_is_attempted_without_a_contact_address(client, events_index, site_settings, submit):
    site_settings.contact_email = ""
    site_settings.save()
    submit(valid_data())
    assert [message.to for message in mail.outbox] == [["organiser@example.org"]]


def test_what_submitters_typed_is_escaped_in_the_organisers_email(client, events_index, submit):
    submit(valid_data(description="<script>alert(1)</script>", organiser_name="<b>Bold</b>"))
    notification = mail.outbox[1]
    html = notification.alternatives[0][0]
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>Bold</b>" not in html
    assert "<script>alert(1)</script>" in notification.body  # plain text stays as typed


def test_form_names_the_sites_time_zone(client, events_index, settings):
    assert "(UK time)" in client.get("/events/submit/").content.decode()
    settings.TIME_ZONE = "Europe/Dublin"
    assert "(Europe/Dublin time)" in client.get("/events/submit/").content.decode()


def test_the_acknowledgement_carries_nothing_the_visitor_typed(client, events_index, submit):
    """Anyone can type anyone's address into the form: the site must not carry their words to it."""
    spam = "Cheap pills at spam.example"
    submit(valid_data(title=spam, venue_name=spam, address=spam, town=spam, description=spam, organiser_name=spam))

    acknowledgement, notification = mail.outbox
    for text in (acknowledgement.subject, acknowledgement.body, acknowledgement.alternatives[0][0]):
        assert "spam.example" not in text
    assert "spam.example" in notification.body  # the organisers' own email has it all


def test_an_address_gets_one_acknowledgement_per_interval(client, events_index, submit):
    for email in ["victim@example.org", "Victim@Example.org", "victim@example.org"]:
        assert submit(valid_data(email=email)).status_code == 302

    assert EventSubmission.objects.count() == 3
    acknowledgements = [message for message in mail.outbox if message.to != ["info@example.org"]]
    assert len(acknowledgements) == 1
    assert len(mail.outbox) == 4  # the organisers hear of every submission

    submit(valid_data(email="someone-else@example.org"))
    assert mail.outbox[-2].to == ["someone-else@example.org"]


def test_submissions_from_one_ipv6_network_share_a_limit(client, events_index, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "submit": (2, 3600)}
    for n in range(2):
        assert client.post("/events/submit/", valid_data(), REMOTE_ADDR=f"2001:db8:5:6::{n + 1}").status_code == 302
    assert client.post("/events/submit/", valid_data(), REMOTE_ADDR="2001:db8:5:6:a:b:c:d").status_code == 429
    assert EventSubmission.objects.count() == 2


def test_the_queue_keeps_only_the_submissions_id(client, events_index, submit, settings):
    use_database_queue(settings)
    submit(valid_data(email="private-person@example.org", title="Secret meeting"))
    kept = queued_text()
    assert "private-person" not in kept and "Secret meeting" not in kept

    run_worker()
    assert sorted(message.to[0] for message in mail.outbox) == ["info@example.org", "private-person@example.org"]
