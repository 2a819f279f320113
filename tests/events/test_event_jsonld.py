"""Event pages carry schema.org Event data (JSON-LD) that a parser reads back: dates, place or link, status.

Search engines and calendar tools read it; an editor's title holding "</script>" must not end the script early.
"""

import json
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from campaign.events.models import OccurrenceCancellation
from tests.events.factories import EventIndexPageFactory, EventPageFactory, in_days

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def events_index(home_page, site_settings):
    return EventIndexPageFactory(parent=home_page)


def event_data(client, event):
    html = client.get(event.url).content.decode()
    [text] = SCRIPT.findall(html)
    return json.loads(text)


def test_an_event_at_a_place_is_an_offline_event_with_its_address_and_the_campaign_as_organiser(client, events_index):
    start = datetime(2030, 7, 1, 19, 0, 0, 123456, tzinfo=LONDON)
    event = EventPageFactory(
        parent=events_index,
        title="Launch meeting",
        start=start,
        end=start + timedelta(hours=2),
        venue_name="Conway Hall",
        address="25 Red Lion Square\nHolborn",
        town="London",
        postcode="WC1R 4RL",
    )

    data = event_data(client, event)

    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == "Launch meeting"
    assert (data["startDate"], data["endDate"]) == ("2030-07-01T19:00:00+01:00", "2030-07-01T21:00:00+01:00")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Conway Hall",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "25 Red Lion Square, Holborn",
            "addressLocality": "London",
            "postalCode": "WC1R 4RL",
            "addressCountry": "GB",
        },
    }
    assert data["organizer"] == {"@type": "Organization", "name": "Test Campaign", "url": "http://testserver/"}
    assert data["url"] == "http://testserver" + event.url


def test_an_online_event_is_at_a_virtual_location_and_one_with_both_is_mixed(client, events_index):
    online = EventPageFactory(
        parent=events_index, address="", postcode="", town="Online", online_url="https://meet.example.org/call"
    )
    both = EventPageFactory(parent=events_index, online_url="https://meet.example.org/stream")

    data = event_data(client, online)
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/call"}

    data = event_data(client, both)
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]


def test_a_cancelled_event_says_so(client, events_index):
    event = EventPageFactory(parent=events_index, cancelled=True)
    assert event_data(client, event)["eventStatus"] == "https://schema.org/EventCancelled"


def test_a_published_event_that_moves_is_rescheduled_with_its_previous_start(client, events_index):
    event = EventPageFactory(parent=events_index, title="Moving meeting", start=in_days(10))
    event.save_revision().publish()
    was = event.start
    event.start, event.end = in_days(12), in_days(12, hours=2)
    event.save_revision().publish()

    data = event_data(client, event)
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"] == was.astimezone(LONDON).isoformat()
    assert data["startDate"] == event.start.astimezone(LONDON).isoformat()
    assert "This event has moved." in client.get(event.url).content.decode()


def test_a_title_with_a_closing_script_tag_stays_inside_the_data(client, events_index):
    title = 'Stall </script><script>alert("x")</script> & more'
    event = EventPageFactory(parent=events_index, title=title)

    html = client.get(event.url).content.decode()

    assert "<script>alert" not in html
    assert "\\u003C/script\\u003E" in html
    assert event_data(client, event)["name"] == title


def test_a_repeating_event_gives_its_next_date_that_goes_ahead(client, events_index):
    start = datetime(2030, 3, 16, 10, 0, tzinfo=LONDON)
    event = EventPageFactory(
        parent=events_index, start=start, end=start + timedelta(hours=3), repeats="weekly", repeat_count=6
    )
    OccurrenceCancellation.objects.create(page=event, date=date(2030, 3, 16), reason="Rain")

    data = event_data(client, event)

    assert (data["startDate"], data["endDate"]) == ("2030-03-23T10:00:00+00:00", "2030-03-23T13:00:00+00:00")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
