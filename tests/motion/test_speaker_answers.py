"""Organisers answer speaker requests: the list opens on New; arranging a speaker can email the branch."""

import pytest
from django.core import mail

from campaign.motion.models import SpeakerRequest
from tests.motion.factories import SpeakerRequestFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/motion/speakerrequest/"


@pytest.fixture
def speaker_request(home_page, site_settings):
    return SpeakerRequestFactory(contact_name="Tom Mann", email="tom@example.org")


def test_the_list_opens_on_new_with_who_it_is_assigned_to(client, organiser, speaker_request):
    SpeakerRequestFactory(contact_name="Eleanor Marx", status=SpeakerRequest.Status.ARRANGED)
    speaker_request.assigned_to = organiser
    speaker_request.save()
    client.force_login(organiser)

    opening = client.get(LIST_URL).content.decode()

    assert "Tom Mann" in opening and "Eleanor Marx" not in opening
    assert "Assigned to" in opening
    assert "Eleanor Marx" in client.get(LIST_URL, {"status__exact": "all"}).content.decode()
    assert client.get(LIST_URL, {"status__exact": "maybe"}).status_code == 400


def test_arranging_a_speaker_emails_the_branch_their_name_and_date(client, organiser, speaker_request):
    client.force_login(organiser)
    edit_url = f"{LIST_URL}edit/{speaker_request.pk}/"
    assert "Speaker arranged" in client.get(LIST_URL).content.decode()  # the answer button on the row

    response = client.post(
        edit_url,
        {
            "status": "arranged",
            "speaker": "Rosa Bloggs",
            "speaker_date": "2027-03-05",
            "email_requester": "on",
            "last_message": speaker_request.status_message(SpeakerRequest.Status.ARRANGED),  # left as prefilled
            "internal_notes": "Train booked",
        },
    )

    assert response.status_code == 302
    [email] = mail.outbox
    assert email.to == ["tom@example.org"]
    assert "Rosa Bloggs will speak at your meeting on 5 March 2027" in email.body
    speaker_request.refresh_from_db()
    assert speaker_request.internal_notes == "Train booked"
    assert speaker_request.speaker == "Rosa Bloggs"


def test_an_empty_message_to_send_is_a_polite_error(client, organiser, speaker_request):
    """Back to "new" has no standard message: with the box ticked, the organiser must write one."""
    speaker_request.status = SpeakerRequest.Status.IN_HAND
    speaker_request.save()
    client.force_login(organiser)

    response = client.post(
        f"{LIST_URL}edit/{speaker_request.pk}/", {"status": "new", "email_requester": "on", "last_message": ""}
    )

    assert response.status_code == 200
    assert "Write the message to send, or untick" in response.content.decode()
    assert mail.outbox == []
