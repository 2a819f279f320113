"""An event's point and constituency come from its postcode when it is saved (campaign/events/placing.py),
unless the editor pinned it; they follow the postcode when it changes, and accepted submissions get them too."""

from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text

from campaign.events.models import EventPage
from tests.events.factories import EventIndexPageFactory, EventPageFactory, EventSubmissionFactory, load_places

pytestmark = pytest.mark.django_db

KIRKGATE = (Decimal("53.796800"), Decimal("-1.539900"))
BRADFORD = (Decimal("53.795000"), Decimal("-1.752000"))


@pytest.fixture
def events_index(home_page, site_settings):
    load_places()
    return EventIndexPageFactory(parent=home_page)


def point(event):
    event.refresh_from_db()
    return event.latitude, event.longitude


def test_a_saved_event_gets_its_point_and_constituency_from_its_postcode(events_index):
    event = EventPageFactory(parent=events_index, postcode="ls2 7hy")
    assert point(event) == KIRKGATE
    assert event.constituency == "E14001327"


def test_a_point_the_editor_typed_is_kept_and_the_constituency_still_found(events_index):
    event = EventPageFactory(parent=events_index, postcode="LS2 7HY", latitude="53.797500", longitude="-1.541000")
    assert point(event) == (Decimal("53.797500"), Decimal("-1.541000"))
    assert event.constituency == "E14001327"

    event.title = "Renamed"
    event.save()
    assert point(event) == (Decimal("53.797500"), Decimal("-1.541000"))


def test_a_new_postcode_moves_the_point_unless_the_editor_moved_it_too(events_index):
    event = EventPageFactory(parent=events_index, postcode="LS2 7HY")
    event.postcode = "BD1 1AA"
    event.save()
    assert point(event) == BRADFORD
    assert event.constituency == "E14001122"

    event.postcode, event.latitude, event.longitude = "LS2 7HY", Decimal("53.8"), Decimal("-1.55")
    event.save()
    assert point(event) == (Decimal("53.800000"), Decimal("-1.550000"))
    assert event.constituency == "E14001327"


def test_a_postcode_the_lookup_does_not_know_leaves_no_stale_point(events_index):
    event = EventPageFactory(parent=events_index, postcode="LS2 7HY")
    event.postcode = "ZZ9 9ZZ"
    event.save()
    assert point(event) == (None, None)
    assert event.constituency == ""


def test_an_event_saved_before_the_postcodes_were_loaded_is_placed_when_saved_again(home_page, site_settings):
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, postcode="LS2 7HY")
    assert point(event) == (None, None)
    load_places()
    event.save()
    assert point(event) == KIRKGATE
    assert event.constituency == "E14001327"


def test_an_online_event_without_a_postcode_has_no_point(events_index):
    event = EventPageFactory(parent=events_index, postcode="", address="", online_url="https://meet.example.org/x")
    assert point(event) == (None, None)
    assert event.constituency == ""


def test_an_accepted_submission_becomes_a_placed_draft(admin_client, events_index):
    submission = EventSubmissionFactory(postcode="LS2 7HY")
    admin_client.post(f"/admin/events/eventsubmission/accept/{submission.pk}/")
    page = EventPage.objects.get()
    assert (page.latitude, page.longitude, page.constituency) == (*KIRKGATE, "E14001327")


def editor_data(event, **changes):
    """The page editor's form for `event`, as an editor sends it back with `changes`."""
    fields = {
        "title": event.title,
        "slug": event.slug,
        "kind": event.kind,
        "start": timezone.localtime(event.start).strftime("%Y-%m-%d %H:%M"),
        "end": timezone.localtime(event.end).strftime("%Y-%m-%d %H:%M"),
        "venue_name": event.venue_name,
        "town": event.town,
        "postcode": event.postcode,
        "latitude": "" if event.latitude is None else str(event.latitude),
        "longitude": "" if event.longitude is None else str(event.longitude),
        "organiser_name": event.organiser_name,
        "description": rich_text("<p>Everyone welcome.</p>"),
        "cancelled_occurrences": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
        "action-publish": "publish",
        **changes,
    }
    return nested_form_data(fields)


def test_an_editor_publishing_a_new_postcode_moves_the_point(admin_client, events_index):
    event = EventPageFactory(parent=events_index, postcode="LS2 7HY")
    response = admin_client.post(f"/admin/pages/{event.pk}/edit/", editor_data(event, postcode="BD1 1AA"))
    assert response.status_code == 302
    assert point(event) == BRADFORD
    assert event.constituency == "E14001122"

    pinned = editor_data(event, latitude="53.8", longitude="-1.7")
    response = admin_client.post(f"/admin/pages/{event.pk}/edit/", pinned)
    assert response.status_code == 302
    assert point(event) == (Decimal("53.800000"), Decimal("-1.700000"))  # pinned by hand: kept
