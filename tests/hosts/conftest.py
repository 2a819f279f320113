"""Fixtures for the hosts' tests: an events list, a listed event with its host, people coming."""

import pytest

from tests.events.factories import EventIndexPageFactory, EventPageFactory

from .factories import HostFactory


@pytest.fixture
def events_index(home_page, site_settings):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def event(events_index):
    return EventPageFactory(
        parent=events_index, title="Leeds street stall", slug="leeds-stall", takes_rsvps=True, capacity=2
    )


@pytest.fixture
def host(event):
    return HostFactory(event=event, name="Sam Host", email="sam@example.org")


@pytest.fixture
def other_event(events_index):
    return EventPageFactory(parent=events_index, title="York meeting", slug="york-meeting", takes_rsvps=True)
