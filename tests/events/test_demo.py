"""The demo builds an events list with each kind, some past, one cancelled, and a submission waiting."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from campaign.events.models import EventIndexPage, EventKind, EventPage, EventSubmission

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site():
    call_command("load_demo_content")
    site = Site.objects.get(is_default_site=True)
    site.hostname = "testserver"
    site.save()
    return site


def test_demo_has_events_of_each_kind_some_past_one_cancelled(demo_site):
    index = EventIndexPage.objects.get(alias_of=None)  # not its Welsh alias
    assert index.slug == "events" and index.get_parent().pk == demo_site.root_page.pk
    events = EventPage.objects.live().child_of(index)
    for kind in EventKind.values:
        assert events.filter(kind=kind).count() >= 2
    assert index.past_events().count() >= 3
    assert index.upcoming_events().count() >= 5
    assert events.filter(cancelled=True).count() == 1
    assert EventSubmission.objects.filter(status=EventSubmission.Status.NEW).count() == 1


def test_demo_events_show_on_the_site(client, demo_site):
    assert "Street stall at Kirkgate Market" in client.get("/").content.decode()
    listing = client.get("/events/").content.decode()
    assert "London launch meeting" in listing and "Nottingham launch meeting" not in listing
    assert "Nottingham launch meeting" in client.get("/events/past/").content.decode()
    assert client.get("/events.ics").status_code == 200
    assert "This event has passed" in client.get("/events/nottingham-launch-meeting/").content.decode()
    nav = client.get("/").content.decode().split('<nav class="site-nav"')[1]
    assert 'href="/events/"' in nav
    assert 'href="/events/"' in client.get("/").content.decode().split('class="action-list"')[1]


def test_demo_events_are_built_once(demo_site):
    before = list(EventPage.objects.values_list("slug", "start"))
    call_command("load_demo_content")
    assert list(EventPage.objects.values_list("slug", "start")) == before
    assert EventSubmission.objects.count() == 1
