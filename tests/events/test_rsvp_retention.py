"""RSVPs are kept only as long as needed: attendees' details go RSVP_RETENTION_DAYS after the event, counts stay."""

import pytest
from django.test import Client

from campaign.events import recounting
from campaign.events.models import Rsvp, RsvpCount
from campaign.events.tasks import purge_rsvps
from core.schedule import scheduled_jobs
from tests.events.factories import EventIndexPageFactory, EventPageFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page, site_settings):
    return EventIndexPageFactory(parent=home_page)


def event_ended(index, days_ago, title):
    return EventPageFactory(
        parent=index, title=title, takes_rsvps=True, start=in_days(-days_ago, -2), end=in_days(-days_ago)
    )


def people(event):
    statuses = ["going", "going", "waiting", "cancelled", "unconfirmed"]
    for number, status in enumerate(statuses):
        Rsvp.objects.create(
            event=event, name=f"Person {number}", email=f"p{number}@example.org", phone="07700 900123", status=status
        )
    recounting.recount([event.pk])


def test_a_month_after_the_event_attendees_details_are_gone_and_the_counts_stay(index):
    old = event_ended(index, 31, "Old meeting")
    people(old)

    purge_rsvps.call()

    left = list(Rsvp.objects.filter(event=old).values_list("status", "name", "email", "phone"))
    assert sorted(left) == [("going", "", "", ""), ("going", "", "", ""), ("waiting", "", "", "")]
    assert Rsvp.objects.filter(event=old, anonymised_at__isnull=True).count() == 0
    counts = RsvpCount.objects.get(event=old)
    assert (counts.going, counts.waiting) == (2, 1)
    assert recounting.recount() == 0


def test_recent_events_keep_their_attendees(index):
    recent = event_ended(index, 29, "Recent meeting")
    people(recent)

    purge_rsvps.call()

    assert Rsvp.objects.filter(event=recent).exclude(name="").count() == 5


def test_the_number_of_days_is_a_setting(index, settings):
    settings.RSVP_RETENTION_DAYS = 7
    event = event_ended(index, 8, "Last week")
    people(event)
    purge_rsvps.call()
    assert not Rsvp.objects.filter(event=event).exclude(email="").exists()


def test_running_twice_changes_nothing_more(index):
    old = event_ended(index, 40, "Old meeting")
    people(old)
    purge_rsvps.call()
    before = list(Rsvp.objects.values_list("pk", "anonymised_at"))
    purge_rsvps.call()
    assert list(Rsvp.objects.values_list("pk", "anonymised_at")) == before


def test_organisers_see_no_names_after_the_purge(index, organiser):
    old = event_ended(index, 31, "Old meeting")
    people(old)
    purge_rsvps.call()
    client = Client()
    client.force_login(organiser)
    html = client.get("/admin/events/rsvp/").content.decode()
    assert "Person 0" not in html and "p0@example.org" not in html
    assert "(removed after the event)" in html


def test_the_purge_runs_on_the_timetable():
    assert "campaign.events.tasks.purge_rsvps" in scheduled_jobs()
