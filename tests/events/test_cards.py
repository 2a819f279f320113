"""Event and news cards carry one link, the title, that CSS stretches over the card; the filters fold (issue 32).

What a screen reader meets: one link per card, named by the title alone, not
a link wrapped round the date and venue. The browser tests
(tests/browser/test_cards.py, test_event_finder.py) show the taps and the fold.
"""

import re

import pytest

from tests.events.factories import EventIndexPageFactory, EventPageFactory, in_days
from tests.news.factories import UpdateIndexPageFactory, UpdatePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def events_index(home_page, site_settings):
    return EventIndexPageFactory(parent=home_page)


def cards(html, marker):
    return [card.split("</li>")[0] for card in html.split(marker)[1:]]


def links_in(card):
    return re.findall(r"<a [^>]*>(.*?)</a>", card, re.S)


def test_an_event_card_has_one_link_its_title(client, events_index):
    event = EventPageFactory(
        parent=events_index, title="Stall in Leeds", start=in_days(3), venue_name="Kirkgate Market"
    )

    for path in ("/events/", "/"):
        [card] = cards(client.get(path).content.decode(), '<li class="card event-card')
        assert links_in(card) == ["Stall in Leeds"]
        assert f'<a class="card-link" href="{event.url}">' in card
        assert "Kirkgate Market" in card


def test_a_news_card_has_one_link_its_title(client, home_page, site_settings):
    news = UpdateIndexPageFactory(parent=home_page)
    update = UpdatePageFactory(parent=news, title="Posters are out", standfirst="Print them at home.")

    [card] = cards(client.get("/news/").content.decode(), '<li class="card">')

    assert links_in(card) == ["Posters are out"]
    assert f'<a class="card-link" href="{update.url}">' in card


def test_the_filters_are_folded_until_they_are_in_use(client, events_index):
    EventPageFactory(parent=events_index, title="Stall in Leeds", start=in_days(3), kind="stall")

    folded = client.get("/events/").content.decode()
    in_use = client.get("/events/?kind=stall").content.decode()

    assert '<details class="event-filters-fold">' in folded
    assert '<details class="event-filters-fold" open>' in in_use
    assert "(filters in use)" in in_use and "(filters in use)" not in folded
    # The list comes before the links to submit an activity and the calendar, so it is in a phone's first screen.
    assert folded.index("Stall in Leeds") < folded.index("Submit your activity")
    assert folded.index("Stall in Leeds") < folded.index("Add these events to your calendar")
