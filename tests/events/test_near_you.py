"""Find an event near you (issue 28): a postcode lists upcoming events nearest first, with their distance,
within a radius the visitor can widen; online events apart; anything typed is a polite answer, never an error.

The postcode lookup's rows come from tests/events/factories.PLACES (Headingley, LS6 1AA, is 2.1 miles
from Kirkgate Market in the middle of Leeds, LS2 7HY).
"""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign.events import recurrence
from campaign.events.models import EventKind, EventPage, OccurrenceCancellation
from campaign.events.recurrence import Repeat
from tests.events.factories import EventIndexPageFactory, EventPageFactory, in_days, load_places
from tests.html import visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def events_index(home_page, site_settings):
    load_places()
    return EventIndexPageFactory(parent=home_page)


def event(index, title, postcode, town, **fields):
    return EventPageFactory(parent=index, title=title, postcode=postcode, town=town, address="", **fields)


@pytest.fixture
def west_yorkshire(events_index):
    """A Leeds stall two miles from Headingley, a Bradford meeting (7 miles), Halifax (13), Sheffield (30), London."""
    return {
        "leeds": event(events_index, "Leeds market stall", "LS2 7HY", "Leeds", kind=EventKind.STALL, start=in_days(9)),
        "bradford": event(events_index, "Bradford meeting", "BD1 1AA", "Bradford", start=in_days(2)),
        "halifax": event(events_index, "Halifax meeting", "HX1 1AA", "Halifax", start=in_days(3)),
        "sheffield": event(events_index, "Sheffield meeting", "S1 2EW", "Sheffield", start=in_days(4)),
        "london": event(events_index, "London meeting", "WC1R 4RL", "London", start=in_days(1)),
    }


def search(client, **params):
    response = client.get("/events/", params)
    assert response.status_code == 200
    return response, visible_text(response.content.decode())


def titles_near(html):
    """The events listed as near, in order (the online events and the normal list are other sections)."""
    section = html.split('id="near-heading"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'class="card-link" href="[^"]*">([^<]+)</a>', section)


def test_a_leeds_postcode_finds_the_leeds_stall_two_miles_away_first_with_its_distance(client, west_yorkshire):
    response, text = search(client, postcode="ls6 1aa")
    html = response.content.decode()

    assert "Within 10 miles of LS6 1AA (2)" in text
    assert titles_near(html) == ["Leeds market stall", "Bradford meeting"]  # nearest first, not soonest
    assert "About 2.1 miles away" in text
    assert "About 7.4 miles away" in text
    assert "Halifax meeting" not in text and "London meeting" not in text
    assert "Widen to 25 miles" in text
    assert 'href="/events/submit/"' in html  # and the way to organise one nearer


def test_the_radius_can_be_widened_step_by_step_to_any_distance(client, west_yorkshire):
    response, text = search(client, postcode="LS6 1AA", within="5")
    assert "Leeds market stall" in text and "Bradford meeting" not in text
    wider = re.search(r'<a href="\?([^"]+)">Widen to 10 miles</a>', response.content.decode())
    assert wider and "within=10" in wider.group(1)

    assert titles_near(search(client, postcode="LS6 1AA", within="25")[0].content.decode())[-1] == "Halifax meeting"
    response, text = search(client, postcode="LS6 1AA", within="50")
    assert titles_near(response.content.decode())[-1] == "Sheffield meeting"
    assert "Widen to any distance" in text

    response, text = search(client, postcode="LS6 1AA", within="any")
    assert titles_near(response.content.decode()) == [
        "Leeds market stall",
        "Bradford meeting",
        "Halifax meeting",
        "Sheffield meeting",
        "London meeting",
    ]
    assert "About 170.2 miles away" in text
    assert "Widen" not in text


def test_nothing_within_the_radius_says_so_and_offers_a_wider_one(client, events_index):
    event(events_index, "Halifax meeting", "HX1 1AA", "Halifax")
    response, text = search(client, postcode="LS6 1AA")
    assert "No events within 10 miles of LS6 1AA. Widen to 25 miles" in text
    assert 'href="?postcode=LS6+1AA&amp;within=25"' in response.content.decode()
    assert "Organise one near LS6 1AA" in text


def test_the_first_half_of_a_postcode_finds_events_from_the_middle_of_its_district(client, west_yorkshire):
    response, text = search(client, postcode="ls6")
    assert "Within 10 miles of LS6 (2)" in text
    assert titles_near(response.content.decode())[0] == "Leeds market stall"
    assert "About 2.3 miles away" in text  # from the middle of LS6 1AA and LS6 2AB


def test_an_unknown_postcode_says_so_politely_and_shows_the_normal_list(client, west_yorkshire):
    _, text = search(client, postcode="LS99 9ZZ")
    assert "We could not find LS99 9ZZ in our list of postcodes. Check it, or try its first half (LS99)." in text
    assert "Below are all upcoming events." in text
    assert "Coming up (5)" in text  # every upcoming event, soonest first
    assert text.index("London meeting") < text.index("Leeds market stall")

    _, text = search(client, postcode="not a postcode")
    assert "“not a postcode” does not look like a UK postcode." in text
    assert "Coming up (5)" in text

    _, text = search(client, postcode="")
    assert "Enter a UK postcode, like LS6 1AA, or its first half" in text


def test_online_events_are_listed_apart_for_everyone(client, west_yorkshire, events_index):
    event(events_index, "Organisers' call", "", "Online", venue_name="Online", online_url="https://meet.example.org/c")
    event(events_index, "London rally, streamed", "WC1R 4RL", "London", online_url="https://stream.example.org/r")
    response, text = search(client, postcode="LS6 1AA")
    html = response.content.decode()

    assert "Organisers' call" not in titles_near(html)
    online = text.split("Online events", 1)[1]
    assert "Join from anywhere." in online
    assert "Organisers' call" in online and "London rally, streamed" in online  # far away, but online too
    assert "Leeds market stall" not in online


def test_a_weekly_stall_is_found_at_its_next_date_and_a_cancelled_event_is_not(client, events_index):
    first = in_days(-14).replace(hour=10, minute=0, second=0)
    weekly = event(
        events_index,
        "Saturday stall",
        "LS1 6HD",
        "Leeds",
        start=first,
        end=first + timedelta(hours=3),
        repeats=Repeat.WEEKLY,
        repeat_count=10,
    )
    off, following = (item.start for item in recurrence.occurrences(weekly, timezone.now(), limit=2))
    OccurrenceCancellation.objects.create(page=weekly, date=off.date())
    event(events_index, "Called off", "LS2 7HY", "Leeds", cancelled=True)

    response, text = search(client, postcode="LS6 1AA")
    assert titles_near(response.content.decode()) == ["Saturday stall"]
    assert f"Every {following:%A}, next {following:%a} {following.day} {following:%b %Y, %H:%M}" in text


@pytest.mark.parametrize(
    "params",
    [
        {"postcode": "LS6 1AA" * 1000},
        {"postcode": "日本語の郵便番号"},
        {"postcode": "LS6\x001AA"},
        {"postcode": "\x00"},
        {"postcode": "<script>alert(1)</script>"},
        {"postcode": "LS6 1AA", "within": "9999"},
        {"postcode": "LS6 1AA", "within": "\x00"},
        {"postcode": "LS6 1AA", "page": "-1"},
        {"postcode": "LS6 1AA", "page": "99999999999999999999"},
        {"within": "any"},
        {"postcode": ["LS6 1AA", "BD1 1AA"]},
    ],
)
def test_junk_is_answered_politely_never_with_an_error(client, west_yorkshire, params):
    response = client.get("/events/", params)
    nul = any("\x00" in value for value in params.values())
    assert response.status_code == (400 if nul else 200)  # a NUL anywhere is refused site-wide (core.nul_bytes)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html


def test_an_unknown_radius_is_taken_as_ten_miles(client, west_yorkshire):
    _, text = search(client, postcode="LS6 1AA", within="9999")
    assert "Within 10 miles of LS6 1AA (2)" in text


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_a_search_costs_the_same_queries_for_5_events_as_for_50(client, events_index):
    # Each five hold online and placed events, one-off and repeating, so both counts prefetch the same.
    postcodes = ["", "LS1 6HD", "", "BD1 1AA", "LS2 7HY"]

    def add(count):
        for number in range(EventPage.objects.count(), EventPage.objects.count() + count):
            postcode = postcodes[number % len(postcodes)]
            online = {} if postcode else {"online_url": "https://meet.example.org/x"}
            repeat = {"repeats": Repeat.WEEKLY, "repeat_count": 8} if number % 3 == 0 else {}
            event(events_index, f"Event {number}", postcode, "Leeds", start=in_days(number + 1), **online, **repeat)

    add(5)
    client.get("/events/?postcode=LS6+1AA")  # the site's first request warms what every later one reuses
    few = queries_for(client, "/events/?postcode=LS6+1AA&within=any")
    add(45)
    many = queries_for(client, "/events/?postcode=LS6+1AA&within=any")
    assert many == few
    assert queries_for(client, "/events/?postcode=LS6&within=25") == few


def test_a_search_is_rendered_for_its_request_never_served_from_the_cached_list(client, settings, west_yorkshire):
    settings.PAGE_CACHE_SECONDS = 60
    client.get("/events/")
    assert client.get("/events/")["X-Page-Cache"] == "hit"

    response = client.get("/events/", {"postcode": "LS6 1AA"})
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert "Within 10 miles of LS6 1AA" in visible_text(response.content.decode())

    plain = client.get("/events/", {"utm_source": "leaflet"})
    assert plain["X-Page-Cache"] == "hit"
    assert "Within 10 miles" not in visible_text(plain.content.decode())


def test_one_network_searching_without_pause_is_asked_to_wait(client, settings, west_yorkshire):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "near_you": (2, 600)}
    for _ in range(2):
        assert "Within 10 miles" in search(client, postcode="LS6 1AA")[1]
    _, text = search(client, postcode="LS6 1AA")
    assert "There have been many searches from your network just now." in text
    assert "Coming up (5)" in text


def test_the_form_works_without_javascript_and_keeps_what_was_asked(client, west_yorkshire):
    response, _ = search(client, postcode="LS6 1AA", within="25")
    html = response.content.decode()
    assert '<form method="get" action="/events/" class="near-you" role="search"' in html
    assert 'value="LS6 1AA"' in html
    assert '<option value="25" selected>25 miles</option>' in html
    assert "<script" not in html.split('class="near-you"', 1)[1].split("</form>", 1)[0]
