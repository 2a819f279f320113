"""The events list, its filters and pages, an event page, and the home page's "Coming up"."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image as WagtailImage
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from campaign.events.models import EventIndexPage, EventKind, EventPage
from tests.events.factories import EventIndexPageFactory, EventPageFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def events_index(home_page, site_settings):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def freeze(monkeypatch):
    """Pin "now" so the past/upcoming boundary can be tested to the minute."""

    def set_now(moment):
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)

    return set_now


def titles_in(html):
    """Event titles in the order the list shows them."""
    return [chunk.split("</a>")[0].split(">")[-1] for chunk in html.split('<li class="card event-card')[1:]]


def test_upcoming_events_are_listed_soonest_first(client, events_index):
    EventPageFactory(parent=events_index, title="Later", start=in_days(20))
    EventPageFactory(parent=events_index, title="Sooner", start=in_days(2))
    EventPageFactory(parent=events_index, title="Middle", start=in_days(9))
    EventPageFactory(parent=events_index, title="Finished", start=in_days(-3))
    draft = EventPageFactory(parent=events_index, title="Not published", start=in_days(3))
    draft.unpublish()

    response = client.get("/events/")

    assert response.status_code == 200
    assert titles_in(response.content.decode()) == ["Sooner", "Middle", "Later"]


def test_past_events_have_their_own_page_newest_first(client, events_index):
    EventPageFactory(parent=events_index, title="Long ago", start=in_days(-40))
    EventPageFactory(parent=events_index, title="Last week", start=in_days(-7))
    EventPageFactory(parent=events_index, title="Next week", start=in_days(7))

    html = client.get("/events/past/").content.decode()

    assert "<h1>Past events</h1>" in html
    assert titles_in(html) == ["Last week", "Long ago"]
    assert 'href="/events/"' in html  # back to upcoming


def test_an_event_under_way_is_still_upcoming(client, events_index):
    EventPageFactory(parent=events_index, title="Happening now", start=in_days(0, hours=-1))
    assert titles_in(client.get("/events/").content.decode()) == ["Happening now"]
    assert titles_in(client.get("/events/past/").content.decode()) == []


def test_events_split_at_the_moment_they_end_across_midnight_in_london(client, events_index, freeze):
    """An evening meeting ending at 23:30 BST (22:30 UTC) is upcoming at 23:00 and past after midnight."""
    start = datetime(2026, 7, 1, 20, 0, tzinfo=UTC)  # 21:00 BST
    EventPageFactory(parent=events_index, title="Late meeting", start=start, end=start + timedelta(hours=2, minutes=30))

    freeze(datetime(2026, 7, 1, 22, 0, tzinfo=UTC))  # 23:00 in London
    assert titles_in(client.get("/events/").content.decode()) == ["Late meeting"]
    page_html = client.get(EventPage.objects.get().url).content.decode()
    assert "This event has passed" not in page_html

    freeze(datetime(2026, 7, 1, 23, 10, tzinfo=UTC))  # 00:10 on 2 July in London
    assert titles_in(client.get("/events/").content.decode()) == []
    assert titles_in(client.get("/events/past/").content.decode()) == ["Late meeting"]
    page_html = client.get(EventPage.objects.get().url).content.decode()
    assert "This event has passed" in page_html
    assert "Add to calendar" not in page_html


def test_times_are_shown_in_the_sites_zone(client, events_index, settings):
    winter = datetime(2026, 1, 15, 19, 0, tzinfo=UTC)
    summer = datetime(2026, 7, 15, 18, 0, tzinfo=UTC)
    EventPageFactory(parent=events_index, slug="winter", start=winter, end=winter + timedelta(hours=2))
    EventPageFactory(parent=events_index, slug="summer", start=summer, end=summer + timedelta(hours=2))

    assert "Thursday 15 January 2026, 19:00</time> to\n      <time" in client.get("/events/winter/").content.decode()
    summer_html = client.get("/events/summer/").content.decode()
    assert "Wednesday 15 July 2026, 19:00" in summer_html
    assert "(BST)" in summer_html
    assert 'datetime="2026-07-15T19:00:00+01:00"' in summer_html

    settings.TIME_ZONE = "America/New_York"
    assert "Wednesday 15 July 2026, 14:00" in client.get("/events/summer/").content.decode()


def test_filter_by_kind(client, events_index):
    EventPageFactory(parent=events_index, title="A meeting", kind=EventKind.MEETING)
    EventPageFactory(parent=events_index, title="A stall", kind=EventKind.STALL)
    EventPageFactory(parent=events_index, title="Something else", kind=EventKind.OTHER)

    assert titles_in(client.get("/events/?kind=stall").content.decode()) == ["A stall"]
    assert titles_in(client.get("/events/?kind=other").content.decode()) == ["Something else"]


def test_filter_by_town_area_or_postcode(client, events_index):
    EventPageFactory(parent=events_index, title="Leeds stall", town="Leeds", postcode="LS2 7HY", start=in_days(1))
    EventPageFactory(
        parent=events_index,
        title="Hackney meeting",
        town="London",
        address="Mare Street, Hackney",
        postcode="E8 1HE",
        start=in_days(2),
    )
    EventPageFactory(parent=events_index, title="Cardiff stall", town="Cardiff", postcode="CF10 2BU", start=in_days(3))

    assert titles_in(client.get("/events/?town=leeds").content.decode()) == ["Leeds stall"]
    assert titles_in(client.get("/events/?town=hackney").content.decode()) == ["Hackney meeting"]
    assert titles_in(client.get("/events/?town=CF10").content.decode()) == ["Cardiff stall"]
    html = client.get("/events/?town=Aberdeen").content.decode()
    matched, _, elsewhere = html.partition('id="elsewhere-heading"')
    assert titles_in(matched) == []
    assert "No events match those filters." in matched
    assert titles_in(elsewhere) == ["Leeds stall", "Hackney meeting", "Cardiff stall"]  # not a dead end


def test_filters_apply_to_past_events_too(client, events_index):
    EventPageFactory(parent=events_index, title="Old stall", kind=EventKind.STALL, start=in_days(-3))
    EventPageFactory(parent=events_index, title="Old meeting", kind=EventKind.MEETING, start=in_days(-4))
    assert titles_in(client.get("/events/past/?kind=stall").content.decode()) == ["Old stall"]


@pytest.mark.parametrize(
    "query",
    ["?kind=nonsense", "?page=abc", "?page=999", "?town=" + "x" * 500, "?kind[]=1&page=-1"],
)
def test_nonsense_in_the_address_never_breaks_the_list(client, events_index, query):
    EventPageFactory(parent=events_index, title="Still here")
    response = client.get("/events/" + query)
    assert response.status_code == 200
    assert "Still here" in response.content.decode()


def test_a_nul_in_the_address_is_refused_politely(client, events_index):
    """PostgreSQL cannot compare text holding a NUL: core.nul_bytes refuses it before the filters read it."""
    response = client.get("/events/?town=%00")
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()


def test_list_is_paginated_and_pages_keep_the_filters(client, events_index):
    for day in range(1, 15):
        EventPageFactory(parent=events_index, title=f"Stall {day:02}", kind=EventKind.STALL, start=in_days(day))
    EventPageFactory(parent=events_index, title="Meeting", kind=EventKind.MEETING)

    first = client.get("/events/?kind=stall").content.decode()
    assert titles_in(first) == [f"Stall {day:02}" for day in range(1, 13)]
    assert "Page 1 of 2" in first
    assert 'href="?kind=stall&amp;page=2"' in first

    second = client.get("/events/?kind=stall&page=2").content.decode()
    assert titles_in(second) == ["Stall 13", "Stall 14"]


def test_the_list_costs_the_same_queries_however_many_events(client, events_index, django_assert_max_num_queries):
    """Bounded queries: a page of events, its count, nothing per row."""
    for day in range(3):
        EventPageFactory(parent=events_index, start=in_days(day + 1))
    client.get("/events/")  # warm the site root cache like a running server
    with CaptureQueriesContext(connection) as few:
        client.get("/events/")
    for day in range(30):
        EventPageFactory(parent=events_index, start=in_days(day + 5))

    with django_assert_max_num_queries(len(few)):
        response = client.get("/events/")
    assert len(titles_in(response.content.decode())) == 12
    with django_assert_max_num_queries(len(few)):
        client.get("/events/past/")


def test_event_page_shows_everything_a_visitor_needs(client, events_index):
    EventPageFactory(
        parent=events_index,
        slug="launch",
        title="Launch meeting",
        kind=EventKind.MEETING,
        venue_name="Conway Hall",
        address="25 Red Lion Square\nHolborn",
        town="London",
        postcode="WC1R 4RL",
        organiser_name="London supporters",
        organiser_contact="london@example.org",
        online_url="https://meet.example.org/launch",
        description="<p>Speakers from three unions.</p>",
    )

    response = client.get("/events/launch/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Launch meeting</h1>" in html
    assert "Meeting" in html
    assert "Conway Hall<br>25 Red Lion Square<br>Holborn<br>London WC1R 4RL" in html
    assert (
        "https://www.openstreetmap.org/search?query=Conway+Hall%2C+25+Red+Lion+Square%2C+Holborn%2C+London%2C+WC1R+4RL"
        in html
    )
    assert "Speakers from three unions." in html
    assert "London supporters" in html
    assert '<a href="mailto:london@example.org">london@example.org</a>' in html
    assert '<a href="https://meet.example.org/launch" rel="noopener nofollow">Join online</a>' in html
    assert 'href="/events/launch.ics"' in html
    # No embedded map and no script to run: the only script element is the schema.org data (test_event_jsonld.py).
    assert "<iframe" not in html and re.findall(r"<script[^>]*>", html) == ['<script type="application/ld+json">']
    assert "This event has passed" not in html and "cancelled" not in html.lower()


def test_event_page_pins_the_map_link_when_coordinates_are_given(client, events_index):
    EventPageFactory(parent=events_index, slug="pinned", latitude="53.797400", longitude="-1.541800")
    html = client.get("/events/pinned/").content.decode()
    assert "https://www.openstreetmap.org/?mlat=53.797400&amp;mlon=-1.541800#map=17/53.797400/-1.541800" in html


def test_cancelled_events_say_so_in_the_list_and_on_the_page(client, events_index):
    EventPageFactory(parent=events_index, slug="called-off", title="Called off", cancelled=True)
    assert "Cancelled" in client.get("/events/").content.decode()
    assert "This event has been cancelled." in client.get("/events/called-off/").content.decode()


def test_editor_text_is_escaped(client, events_index):
    EventPageFactory(parent=events_index, slug="x", venue_name="<script>alert(1)</script>", organiser_name="<b>me</b>")
    html = client.get("/events/x/").content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert "<b>me</b>" not in html


def test_end_must_be_after_start_for_editors_too(events_index):
    event = EventPageFactory.build(start=in_days(3), end=in_days(2), slug="bad", title="Bad")
    with pytest.raises(ValidationError) as error:
        events_index.add_child(instance=event)
    assert "end" in error.value.message_dict


def test_home_page_lists_the_next_few_events(client, events_index, django_assert_max_num_queries):
    EventPageFactory(parent=events_index, title="Past one", start=in_days(-2))
    EventPageFactory(parent=events_index, title="Cancelled one", start=in_days(1), cancelled=True)
    for day, title in [(4, "Fourth"), (2, "Second"), (3, "Third"), (5, "Fifth")]:
        EventPageFactory(parent=events_index, title=title, start=in_days(day))

    client.get("/")
    with CaptureQueriesContext(connection) as few:
        html = client.get("/").content.decode()

    section = html.split('id="events-heading"')[1]
    assert "Coming up" in section
    assert titles_in(section) == ["Second", "Third", "Fourth"]

    for day in range(20):
        EventPageFactory(parent=events_index, start=in_days(day + 10))
    with django_assert_max_num_queries(len(few)):
        client.get("/")


def test_home_page_has_no_events_section_without_events(client, home_page, site_settings):
    assert 'id="events-heading"' not in client.get("/").content.decode()


def test_event_pages_have_their_place_in_the_tree(home_page):
    assert EventIndexPage.max_count == 1
    assert EventIndexPage.can_create_at(home_page)
    assert not EventPage.can_create_at(home_page)
    assert not EventIndexPage.can_create_at(Page.get_first_root_node())
    assert EventIndexPage.allowed_subpage_models() == [EventPage]
    assert EventPage.allowed_subpage_models() == []


def test_online_events_do_not_repeat_themselves(client, events_index):
    EventPageFactory(
        parent=events_index,
        slug="call",
        title="Organisers' call",
        venue_name="Online (video call)",
        address="",
        town="Online",
        postcode="",
        online_url="https://meet.example.org/call",
    )
    assert "<p>Online (video call)</p>" in client.get("/events/").content.decode()
    html = client.get("/events/call/").content.decode()
    assert "<br>Online" not in html
    assert "openstreetmap.org" not in html  # nowhere to show on a map
    assert '<a href="https://meet.example.org/call" rel="noopener nofollow">Join online</a>' in html


def test_an_events_share_image_has_the_sites_own_address_whatever_host_was_asked_for(client, events_index):
    """Link previews fetch the picture: its address is the Wagtail Site's, not the Host header's."""
    image = WagtailImage.objects.create(title="Street stall", file=get_test_image_file())
    event = EventPageFactory(parent=events_index, start=in_days(3), image=image)
    site = Site.objects.get(is_default_site=True)

    html = client.get(event.url, HTTP_HOST="attacker.example").content.decode()

    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert og_image.startswith(site.root_url + "/") and og_image.endswith(".png")
    assert "attacker.example" not in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert f'<meta name="twitter:image" content="{og_image}">' in html
