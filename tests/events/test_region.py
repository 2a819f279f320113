"""Events carry a nation or region (chosen, or found from the postcode); the finder filters by it, online ones kept."""

import pytest

from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.html import visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def events_index(home_page, site_settings):
    return EventIndexPageFactory(parent=home_page)


def test_the_region_filter_keeps_its_region_and_every_online_event(client, events_index):
    EventPageFactory(parent=events_index, title="Leeds stall", town="Leeds", postcode="LS1 1AA")
    EventPageFactory(parent=events_index, title="Cardiff meeting", town="Cardiff", postcode="", region="wales")
    EventPageFactory(
        parent=events_index,
        title="Organisers' call",
        town="Online",
        postcode="",
        online_url="https://meet.example.org/call",
    )

    html = client.get("/events/?region=wales").content.decode()
    text = visible_text(html)

    assert "Cardiff meeting" in text
    assert "Organisers' call" in text
    assert "Leeds stall" not in text
    assert '<option value="wales" selected>Wales</option>' in html
    assert "Yorkshire and the Humber" in visible_text(client.get("/events/"))  # offered, as a label


def test_an_events_region_is_found_from_its_postcode_unless_chosen(events_index):
    leeds = EventPageFactory(parent=events_index, town="Leeds", postcode="LS1 1AA")
    chosen = EventPageFactory(parent=events_index, town="Chester", postcode="CH1 1AA", region="wales")
    unknown = EventPageFactory(parent=events_index, town="St Helier", postcode="JE2 3AB")

    assert (leeds.region, chosen.region, unknown.region) == ("yorkshire", "wales", "")


def test_an_unknown_region_in_the_address_is_ignored_not_an_error(client, events_index):
    EventPageFactory(parent=events_index, title="Leeds stall", town="Leeds", postcode="LS1 1AA")

    response = client.get("/events/?region=atlantis")

    assert response.status_code == 200
    assert "Leeds stall" in visible_text(response)
