"""Fixtures for stall tests: an event under the events list, and a stall session for it on the statement."""

import pytest

from tests.events.factories import EventIndexPageFactory, EventPageFactory

from .factories import StallFactory, hours_of_todays_event


@pytest.fixture
def event(home_page):
    index = EventIndexPageFactory(parent=home_page)
    start, end = hours_of_todays_event()
    return EventPageFactory(parent=index, title="Leeds market stall", start=start, end=end)


@pytest.fixture
def stall(event, statement_page):
    return StallFactory(event=event, statement=statement_page)
