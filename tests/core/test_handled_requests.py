"""Requests share one model (core.request_models.HandledRequest): what every request list, download and record has.

Print orders, speaker invitations and submitted activities each keep only
their own fields; the email, status, times, assignee, notes and the status
email's words live in the base, so the three lists show and export the same.
"""

from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps
from django.utils import timezone

from campaign.events.models import EventSubmission
from core.request_models import HandledRequest
from tests.conftest import make_user
from tests.core.spreadsheets import read_csv_download
from tests.events.factories import EventIndexPageFactory, EventSubmissionFactory
from tests.motion.factories import SpeakerRequestFactory

pytestmark = pytest.mark.django_db


def test_a_new_kind_of_request_gets_every_shared_field_and_its_own_statuses():
    with isolate_apps("core"):

        class Petition(HandledRequest):
            class Status(models.TextChoices):
                NEW = "new", "New"
                HANDED_IN = "handed_in", "Handed in"

            class Meta(HandledRequest.Meta):
                app_label = "core"

    names = {field.name for field in Petition._meta.get_fields()}
    shared = {"email", "status", "created", "updated", "assigned_to", "internal_notes", "last_message"}
    assert shared <= names
    assert Petition._meta.get_field("status").choices == [("new", "New"), ("handed_in", "Handed in")]
    assert Petition._meta.ordering == ["-created"]


def test_a_request_without_statuses_of_its_own_is_refused_when_declared():
    with isolate_apps("core"), pytest.raises(TypeError, match="needs a Status"):

        class Unsorted(HandledRequest):
            class Meta:
                app_label = "core"


def test_the_speaker_requests_download_says_who_has_each(client, organiser):
    colleague = make_user("colleague")
    colleague.first_name, colleague.last_name = "Ada", "Organiser"
    colleague.save()
    SpeakerRequestFactory(contact_name="Tom Mann", assigned_to=colleague, internal_notes="Ring on Monday")
    client.force_login(organiser)

    [row] = read_csv_download(client.get("/admin/motion/speakerrequest/", {"export": "csv"}))

    assert list(row)[-3:] == ["Status", "Assigned to", "Created"]
    assert row["Assigned to"] == str(colleague)
    assert "Ring on Monday" not in row.values()  # internal notes stay in the admin: they are no list column


def test_the_submitted_activities_list_shows_when_each_came_and_filters_by_it(client, organiser, home_page):
    EventIndexPageFactory(parent=home_page)
    EventSubmissionFactory(title="Market stall")
    client.force_login(organiser)

    html = client.get("/admin/events/eventsubmission/").content.decode()

    assert "column-created" in html  # the column, as on print orders and speaker requests
    assert "Any date" in html  # the date filter


def test_rejecting_a_submission_records_when_it_changed(client, organiser, home_page):
    EventIndexPageFactory(parent=home_page)
    submission = EventSubmissionFactory()
    EventSubmission.objects.filter(pk=submission.pk).update(updated=timezone.now() - timedelta(days=3))
    client.force_login(organiser)

    client.post(f"/admin/events/eventsubmission/reject/{submission.pk}/", {"reason": "Not ours"})

    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.REJECTED
    assert submission.updated >= submission.decided_at - timedelta(seconds=1)


def test_submissions_kept_before_they_had_an_updated_time_were_last_changed_when_decided():
    long_ago = timezone.now() - timedelta(days=30)
    decided, undecided = EventSubmissionFactory(), EventSubmissionFactory()
    EventSubmission.objects.filter(pk=decided.pk).update(created=long_ago - timedelta(days=2), decided_at=long_ago)
    EventSubmission.objects.filter(pk=undecided.pk).update(created=long_ago, decided_at=None)

    migration = import_module("campaign.events.migrations.0007_submission_as_handled_request")
    migration.updated_when_last_decided(apps, None)

    decided.refresh_from_db()
    undecided.refresh_from_db()
    assert decided.updated == long_ago
    assert undecided.updated == long_ago
