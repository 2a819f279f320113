""" "Add to calendar" downloads and the calendar feed: valid iCalendar with the right events."""

import re
from datetime import UTC, datetime, timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar
from wagtail.models import PageViewRestriction, Site

from tests.events.factories import EventIndexPageFactory, EventPageFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def events_index(home_page, site_settings):
    return EventIndexPageFactory(parent=home_page)


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return calendar, list(calendar.walk("VEVENT"))


def assert_valid_rfc5545(response):
    """What calendar programs rely on: CRLF lines folded at 75 octets and the required properties."""
    body = response.content
    assert body.startswith(b"BEGIN:VCALENDAR\r\n") and body.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    calendar, events = parse(response)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    for event in events:
        for required in ("UID", "DTSTAMP", "DTSTART"):
            assert required in event
        assert event.decoded("DTSTAMP").tzinfo is not None
        assert event.decoded("DTSTART").utcoffset() == timedelta(0)  # written in UTC
    return calendar, events


def test_one_event_downloads_as_an_ics_file(client, events_index):
    start = datetime(2030, 7, 1, 18, 0, tzinfo=UTC)
    EventPageFactory(
        parent=events_index,
        slug="launch",
        title="Launch meeting",
        start=start,
        end=start + timedelta(hours=2),
        venue_name="Conway Hall",
        address="25 Red Lion Square",
        town="London",
        postcode="WC1R 4RL",
        description="<p>Speakers &amp; questions.</p>",
        online_url="https://meet.example.org/launch",
    )

    response = client.get("/events/launch.ics")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="launch.ics"'
    _, events = assert_valid_rfc5545(response)
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == "Launch meeting"
    assert event.decoded("DTSTART") == start
    assert event.decoded("DTEND") == start + timedelta(hours=2)
    assert str(event["LOCATION"]) == "Conway Hall, 25 Red Lion Square, London, WC1R 4RL"
    assert str(event["URL"]) == "http://testserver/events/launch/"
    assert str(event["STATUS"]) == "CONFIRMED"
    description = str(event["DESCRIPTION"])
    assert "Speakers & questions." in description and "<p>" not in description
    assert "https://meet.example.org/launch" in description


def test_uid_is_stable_per_event_even_after_renaming(client, events_index):
    event = EventPageFactory(parent=events_index, slug="stall")
    other = EventPageFactory(parent=events_index, slug="other")
    _, first = parse(client.get("/events/stall.ics"))

    event.title = "Renamed stall"
    event.save_revision().publish()
    _, again = parse(client.get("/events/stall.ics"))
    _, different = parse(client.get("/events/other.ics"))

    assert str(first[0]["UID"]) == str(again[0]["UID"]) == f"event-{event.pk}@testserver"
    assert str(different[0]["UID"]) == f"event-{other.pk}@testserver"
    assert str(again[0]["SUMMARY"]) == "Renamed stall"


def test_feed_lists_every_upcoming_event_and_nothing_else(client, events_index):
    EventPageFactory(parent=events_index, title="Next week", start=in_days(7))
    EventPageFactory(parent=events_index, title="Tomorrow", start=in_days(1))
    EventPageFactory(parent=events_index, title="Last week", start=in_days(-7))
    EventPageFactory(parent=events_index, title="Draft", start=in_days(3)).unpublish()

    response = client.get("/events.ics")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    calendar, events = assert_valid_rfc5545(response)
    assert [str(event["SUMMARY"]) for event in events] == ["Tomorrow", "Next week"]
    assert str(calendar["X-WR-CALNAME"]) == "Events"
    assert len({str(event["UID"]) for event in events}) == 2


def test_cancelled_events_stay_in_the_feed_marked_cancelled(client, events_index):
    EventPageFactory(parent=events_index, slug="off", title="Called off", cancelled=True)
    EventPageFactory(parent=events_index, slug="on", title="Going ahead")

    _, events = parse(client.get("/events.ics"))
    status = {str(event["SUMMARY"]): str(event["STATUS"]) for event in events}
    assert status == {"Called off (cancelled)": "CANCELLED", "Going ahead": "CONFIRMED"}

    _, single = parse(client.get("/events/off.ics"))
    assert str(single[0]["STATUS"]) == "CANCELLED"


def subscribe_links(html):
    """{visible name: address} of the calendar apps' buttons on the events list."""
    section = html.split('class="calendar-subscribe"')[1].split("</section>")[0]
    links = re.findall(r'<a class="button[^"]*" href="([^"]+)"[^>]*>([^<]+)', section)
    return {name: unescape(href) for href, name in links}


def test_events_list_offers_a_button_for_each_common_calendar_app(client, events_index):
    html = client.get("/events/").content.decode()

    assert '<link rel="alternate" type="text/calendar"' in html
    links = subscribe_links(html)
    assert list(links) == ["Google Calendar", "Outlook", "Apple Calendar"]
    google = urlsplit(links["Google Calendar"])
    assert (google.netloc, google.path) == ("calendar.google.com", "/calendar/render")
    assert parse_qs(google.query) == {"cid": ["webcal://testserver/events.ics"]}
    outlook = urlsplit(links["Outlook"])
    assert (outlook.netloc, outlook.path) == ("outlook.live.com", "/calendar/0/addfromweb")
    assert parse_qs(outlook.query) == {"url": ["http://testserver/events.ics"], "name": ["Events"]}
    assert links["Apple Calendar"] == "webcal://testserver/events.ics"


def test_the_feeds_address_is_there_to_copy_for_any_other_calendar_program(client, events_index):
    html = client.get("/events/").content.decode()

    assert '<code id="calendar-address">http://testserver/events.ics</code>' in html
    assert 'data-copy-target="calendar-address">Copy the address</button>' in html
    assert '<script src="/static/js/copy-text.js" defer></script>' in html
    assert client.get("/events.ics").status_code == 200  # the address copied is the feed itself


def test_the_feeds_address_is_the_sites_own_whatever_host_was_asked_for(client, events_index):
    site = Site.objects.get(is_default_site=True)

    html = client.get("/events/", HTTP_HOST="attacker.example").content.decode()

    assert "attacker.example" not in html
    assert subscribe_links(html)["Apple Calendar"] == f"webcal://{site.root_url.split('://')[1]}/events.ics"


def test_feed_queries_do_not_grow_with_events(client, events_index, django_assert_max_num_queries):
    for day in range(3):
        EventPageFactory(parent=events_index, start=in_days(day + 1))
    client.get("/events.ics")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/events.ics")
    for day in range(20):
        EventPageFactory(parent=events_index, start=in_days(day + 5))
    with django_assert_max_num_queries(len(few)):
        _, events = parse(client.get("/events.ics"))
    assert len(events) == 23


def test_calendar_files_exist_only_for_live_events_and_event_lists(client, events_index):
    EventPageFactory(parent=events_index, slug="draft").unpublish()
    assert client.get("/events/draft.ics").status_code == 404
    assert client.get("/events/no-such-event.ics").status_code == 404
    assert client.get("/privacy.ics").status_code == 404
    assert client.get("/campaign-home.ics").status_code == 404


def test_feed_may_be_cached_briefly_by_a_cdn(client, events_index):
    assert client.get("/events.ics")["Cache-Control"] == "public, max-age=600"


def test_private_events_are_not_given_away_as_calendar_files(client, events_index):
    event = EventPageFactory(parent=events_index, slug="members-only")
    PageViewRestriction.objects.create(page=event, restriction_type="password", password="secret")
    assert client.get("/events/members-only/").status_code == 200  # Wagtail's password form
    assert "secret" not in client.get("/events/members-only/").content.decode()
    assert client.get("/events/members-only.ics").status_code == 404
    _, listed = parse(client.get("/events.ics"))
    assert listed == []
    assert "members-only" not in client.get("/events/").content.decode()
    assert "members-only" not in client.get("/").content.decode()


def test_a_private_events_list_gives_no_feed(client, events_index):
    EventPageFactory(parent=events_index, title="Closed meeting")
    PageViewRestriction.objects.create(page=events_index, restriction_type="password", password="secret")
    assert client.get("/events.ics").status_code == 404


def test_members_get_a_members_event_file_that_no_cache_keeps(client, events_index, editor):
    """Served to whoever may see the page, as Wagtail serves the page itself: and, like it, never cached."""
    EventPageFactory(parent=events_index, slug="members-only", title="Members' meeting")
    PageViewRestriction.objects.create(page=events_index, restriction_type="login")
    assert client.get("/events/members-only.ics").status_code == 404
    client.force_login(editor)

    event_file = client.get("/events/members-only.ics")
    _, events = parse(event_file)
    assert [str(event["SUMMARY"]) for event in events] == ["Members' meeting"]
    for response in (event_file, client.get("/events.ics")):
        assert response.status_code == 200
        assert "public" not in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
