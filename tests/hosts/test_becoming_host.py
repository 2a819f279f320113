"""An organiser accepts a submitted activity: its submitter becomes the host and gets a private link, once."""

import pytest
from django.core import mail

from campaign.events.models import EventPage, EventSubmission
from campaign.hosts.models import Host, HostAction
from tests.events.factories import EventSubmissionFactory

from .factories import emails_to, link_in

pytestmark = pytest.mark.django_db

ACCEPT = "/admin/events/eventsubmission/accept/{}/"


@pytest.fixture
def submission(events_index):
    return EventSubmissionFactory(organiser_name="Leeds supporters", email="Stall.Runner@Example.org")


def test_accepting_makes_the_submitter_host_and_emails_them_their_link(admin_client, client, submission):
    mail.outbox.clear()
    admin_client.post(ACCEPT.format(submission.pk))

    page = EventPage.objects.get()
    host = Host.objects.get()
    assert (host.event_id, host.email, host.name, host.submission_id) == (
        page.pk,
        "stall.runner@example.org",
        "Leeds supporters",
        submission.pk,
    )
    [email] = emails_to("stall.runner@example.org")
    assert email.subject == "Your link to manage Leeds street stall"
    assert "not on the website yet" in email.body  # accepted as a draft, an organiser publishes it
    assert HostAction.objects.get().kind == HostAction.Kind.LINK_SENT

    response = client.get(link_in(email))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Leeds street stall</h1>" in html
    assert "An organiser is checking your event" in html


def test_accepting_again_or_saving_the_submission_again_sends_no_second_link(admin_client, submission):
    admin_client.post(ACCEPT.format(submission.pk))
    admin_client.post(ACCEPT.format(submission.pk))
    submission.refresh_from_db()
    submission.internal_notes = "Called them."
    submission.save()
    assert Host.objects.count() == 1
    assert len(emails_to("stall.runner@example.org")) == 1


def test_a_rejected_or_new_submission_makes_no_host(admin_client, submission):
    admin_client.post(f"/admin/events/eventsubmission/reject/{submission.pk}/", {"reason": "", "send_email": ""})
    assert EventSubmission.objects.get().status == EventSubmission.Status.REJECTED
    EventSubmissionFactory()
    assert not Host.objects.exists()
