"""Organisers publish the events they accept: page permissions under every events list, and no further."""

import pytest
from django.core.management import call_command
from wagtail.models import GroupPagePermission

from campaign.events.models import EventPage
from core.organisers import ORGANISERS_GROUP
from tests.events.factories import EventIndexPageFactory, EventSubmissionFactory

pytestmark = pytest.mark.django_db


def test_an_organiser_accepts_a_submission_and_publishes_the_event(client, organiser, home_page):
    events = EventIndexPageFactory(parent=home_page)
    submission = EventSubmissionFactory(title="Hull reading group")
    client.force_login(organiser)

    response = client.post(f"/admin/events/eventsubmission/accept/{submission.pk}/")
    page = EventPage.objects.get(title="Hull reading group")
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert client.get(response["Location"]).status_code == 200

    edit = page.permissions_for_user(organiser)
    assert edit.can_publish() and page.get_parent().specific == events
    assert not home_page.permissions_for_user(organiser).can_edit()  # the rest of the site is the editors'


def test_events_lists_made_before_the_grant_get_it_after_migrate(home_page):
    events = EventIndexPageFactory(parent=home_page)
    GroupPagePermission.objects.filter(page=events).delete()

    call_command("migrate", verbosity=0)

    granted = GroupPagePermission.objects.filter(page=events, group__name=ORGANISERS_GROUP)
    assert sorted(granted.values_list("permission__codename", flat=True)) == ["add_page", "change_page", "publish_page"]
