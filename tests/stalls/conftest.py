"""Fixtures for stall tests: an event under the events list, and a stall session for it on the statement."""

import pytest

from tests.events.factories import EventIndexPageFactory, EventPageFactory, in_days

from .factories import StallFactory


@pytest.fixture
def event(home_page):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=index, title="Leeds market stall", start=in_days(0, hours=-1), end=in_days(0, 1))


@pytest.fixture
def stall(event, statement_page):
    return StallFactory(event=event, statement=statement_page)
