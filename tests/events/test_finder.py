"""Finding an event: online events for every town, and no dead end when nothing matches."""

import pytest

from tests.events.factories import EventIndexPageFactory, EventPageFactory, in_days
from tests.html import visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def events_index(home_page, site_settings):
    return EventIndexPageFactory(parent=home_page)


def test_a_town_filter_keeps_events_anyone_can_join_online(client, events_index):
    EventPageFactory(parent=events_index, title="Leeds stall", town="Leeds", postcode="LS1 1AA", address="")
    EventPageFactory(
        parent=events_index,
        title="Organisers' call",
        venue_name="Online",
        town="Online",
        address="",
        postcode="",
        online_url="https://meet.example.org/call",
    )
    EventPageFactory(parent=events_index, title="Bristol meeting", town="Bristol", postcode="BS1 3QY", address="")

    text = visible_text(client.get("/events/?town=Leeds").content.decode())

    assert "Leeds stall" in text
    assert "Organisers' call" in text
    assert "Bristol meeting" not in text


def test_no_match_shows_the_next_events_anywhere_and_the_way_to_organise_one(client, events_index):
    EventPageFactory(parent=events_index, title="Bristol meeting", town="Bristol", start=in_days(3))
    EventPageFactory(parent=events_index, title="Cardiff stall", town="Cardiff", start=in_days(5))

    html = client.get("/events/?town=Hull").content.decode()
    text = visible_text(html)

    assert "No events match those filters." in text
    assert "Organise one in Hull" in text
    assert 'href="/events/submit/"' in html
    assert "Coming up elsewhere" in text
    assert text.index("Bristol meeting") < text.index("Cardiff stall")


def test_what_a_visitor_types_into_the_town_filter_is_escaped(client, events_index):
    html = client.get("/events/?town=%3Cscript%3Ex%3C/script%3E").content.decode()
    assert "<script>x</script>" not in html
    assert "Organise one in &lt;script&gt;" in html


def test_past_events_offer_no_elsewhere_list(client, events_index):
    EventPageFactory(parent=events_index, title="Bristol meeting", town="Bristol", start=in_days(3))
    text = visible_text(client.get("/events/past/?town=Hull").content.decode())
    assert "Coming up elsewhere" not in text


def test_the_date_hints_describe_the_picker_and_the_plain_box(client, events_index):
    text = visible_text(client.get("/events/submit/").content.decode())
    assert "Pick the date and time (UK time). In a plain text box, type it like 2026-05-02 19:00." in text


def test_when_only_online_events_match_the_visitor_can_still_organise_one_locally(client, events_index):
    EventPageFactory(parent=events_index, title="Organisers' call", address="", online_url="https://meet.example.org/c")
    text = visible_text(client.get("/events/?town=Hull").content.decode())
    assert "Organisers' call" in text
    assert "Nothing near you? Organise one in Hull" in text
