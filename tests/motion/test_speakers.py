"""Inviting a speaker: the form, the saved request, both emails, and who sees it in the admin."""

import pytest
from django.core import mail

from campaign.motion.models import SpeakerRequest
from tests.core.spreadsheets import read_csv_download
from tests.core.task_queue import queued_text, run_worker, use_database_queue
from tests.motion.factories import SpeakerRequestFactory

pytestmark = pytest.mark.django_db


def invitation(**overrides):
    data = {
        "organisation": "Unite",
        "branch": "Sheffield Central",
        "contact_name": "Tom Mann",
        "email": "tom@example.org",
        "phone": "07700 900456",
        "proposed_dates": "Tuesday 12 May, 7pm",
        "format": "in_person",
        "place": "Trades Hall, Sheffield",
        "audience_size": "30",
        "notes": "Step-free access.",
        "website": "",
    }
    data.update(overrides)
    return data


def test_invitation_is_saved_and_emailed_both_ways(client, motion_page):
    response = client.post("/motion/", invitation())

    assert response.status_code == 302
    assert response["Location"] == "/motion/invited/"
    request = SpeakerRequest.objects.get()
    assert request.status == SpeakerRequest.Status.NEW
    assert request.page_id == motion_page.pk
    assert request.audience_size == 30

    organisers, acknowledgement = mail.outbox
    assert organisers.to == ["info@example.org"]
    assert organisers.reply_to == ["tom@example.org"]
    assert organisers.subject == f"Speaker invitation {request.pk} from Unite"
    assert "Proposed date or dates: Tuesday 12 May, 7pm" in organisers.body
    assert "In person or online: In person" in organisers.body
    assert f"/admin/motion/speakerrequest/edit/{request.pk}/" in organisers.body
    assert acknowledgement.to == ["tom@example.org"]
    assert acknowledgement.subject == f"Thank you for inviting a speaker (reference {request.pk})"
    assert "in person or online: in person" in acknowledgement.body

    assert "We have your invitation" in client.get("/motion/invited/").content.decode()


def test_the_acknowledgement_carries_nothing_the_visitor_typed(client, motion_page):
    """Anyone can type anyone's address into the form: the site must not carry their words to it."""
    spam = "Cheap pills at spam.example"
    fields = ["organisation", "branch", "contact_name", "proposed_dates", "place", "notes"]
    client.post("/motion/", invitation(**dict.fromkeys(fields, spam)))

    organisers, acknowledgement = mail.outbox
    for text in (acknowledgement.subject, acknowledgement.body, acknowledgement.alternatives[0][0]):
        assert "spam.example" not in text
    assert "spam.example" in organisers.body


def test_an_address_gets_one_acknowledgement_per_interval(client, motion_page):
    for _ in range(3):
        assert client.post("/motion/", invitation(email="victim@example.org")).status_code == 302
    assert SpeakerRequest.objects.count() == 3
    assert [message.to for message in mail.outbox].count(["victim@example.org"]) == 1
    assert [message.to for message in mail.outbox].count(["info@example.org"]) == 3


def test_the_queue_keeps_only_the_invitations_id(client, motion_page, settings):
    use_database_queue(settings)
    client.post("/motion/", invitation())
    kept = queued_text()
    assert "tom@example.org" not in kept and "Tom Mann" not in kept and "07700" not in kept

    run_worker()
    assert sorted(message.to[0] for message in mail.outbox) == ["info@example.org", "tom@example.org"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("organisation", "", "This field is required"),
        ("email", "tom@", "Enter a valid email address"),
        ("phone", "call me maybe", "digits, spaces and + only"),
        ("format", "by carrier pigeon", "Select a valid choice"),
        ("audience_size", "0", "greater than or equal to 1"),
        ("audience_size", "-5", "greater than or equal to 1"),
        ("audience_size", "1000000", "less than or equal to 100000"),
        ("audience_size", "many", "Enter a whole number"),
        ("proposed_dates", "", "This field is required"),
        ("notes", "x" * 2001, "at most 2000 characters"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(client, motion_page, field, value, message):
    response = client.post("/motion/", invitation(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert SpeakerRequest.objects.count() == 0
    assert mail.outbox == []


def test_what_people_type_is_escaped_on_the_page(client, motion_page):
    html = client.post("/motion/", invitation(organisation="<script>alert(1)</script>", email="x")).content
    assert b"<script>alert(1)</script>" not in html
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_honeypot_and_rate_limit(client, settings, motion_page):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "submit": (2, 3600)}
    assert client.post("/motion/", invitation(website="spam")).status_code == 200
    assert client.post("/motion/", invitation()).status_code == 302
    assert client.post("/motion/", invitation()).status_code == 429
    assert SpeakerRequest.objects.count() == 1


def test_organisers_filter_export_and_change_status(client, organiser):
    request = SpeakerRequestFactory(contact_name="Tom Mann")
    SpeakerRequestFactory(
        contact_name="Eleanor Marx", email="eleanor@example.org", status=SpeakerRequest.Status.ARRANGED
    )
    client.force_login(organiser)

    listing = client.get("/admin/motion/speakerrequest/?status__exact=new").content.decode()
    assert "Tom Mann" in listing and "Eleanor Marx" not in listing
    export = client.get("/admin/motion/speakerrequest/?status__exact=all&export=csv")
    content = b"".join(export.streaming_content).decode()
    assert "tom@example.org" in content and "eleanor@example.org" in content

    client.post(f"/admin/motion/speakerrequest/edit/{request.pk}/", {"status": "in_hand"})
    request.refresh_from_db()
    assert request.status == SpeakerRequest.Status.IN_HAND


def test_plain_editors_cannot_see_speaker_requests(client, editor):
    request = SpeakerRequestFactory()
    client.force_login(editor)
    assert client.get("/admin/motion/speakerrequest/").status_code in (302, 403)
    assert client.get(f"/admin/motion/speakerrequest/edit/{request.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/motion/speakerrequest/inspect/{request.pk}/").status_code in (302, 403)


def test_export_defuses_formulas_typed_into_the_invitation(client, organiser):
    SpeakerRequestFactory(
        organisation="=1+1",
        branch="Sheffield Central",
        notes='=HYPERLINK("http://evil.example")',
        phone="+44 7700 900456",
    )
    client.force_login(organiser)

    [row] = read_csv_download(client.get("/admin/motion/speakerrequest/", {"export": "csv"}))

    assert row["Organisation"] == "'=1+1, Sheffield Central"
    assert row["Notes"] == '\'=HYPERLINK("http://evil.example")'
    assert row["Contact"].endswith(", +44 7700 900456")  # a phone number after the name is no sum for Excel
