"""A repeating event's host page: each date with its own counts and people, the next date first, and a
date that is off marked so; coming and helping counted apart, as the events app keeps them."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.dateformat import format as date_format

from campaign.events import attendance, recurrence
from campaign.events.models import Rsvp
from campaign.events.models.repeats import OccurrenceCancellation
from tests.events.factories import EventPageFactory, in_days
from tests.html import visible_text

from .factories import HostFactory, coming, page_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def weekly(events_index):
    start = in_days(2)
    event = EventPageFactory(
        parent=events_index,
        title="Saturday stall",
        slug="saturday-stall",
        takes_rsvps=True,
        capacity=2,
        helpers_wanted=2,
        start=start,
        end=start + timedelta(hours=3),
        repeats="weekly",
        repeat_count=4,
    )
    OccurrenceCancellation.objects.create(
        page=event, date=timezone.localtime(start + timedelta(days=14)).date(), reason="A fair on the street."
    )
    return event


def dates_of(event):
    return recurrence.occurrences(event)


def sections(html):
    """{date heading: that date's visible text}, in the order the page shows them."""
    found = re.findall(r'<section class="host-date"[^>]*>(.*?)</section>', html, re.S)
    return [visible_text(section) for section in found]


def answer(event, occurrence, name, email, role=Rsvp.Role.ATTENDEE):
    return attendance.take(event, name, email, occurrence=occurrence.start, role=role)


def test_each_date_shows_its_own_counts_and_people_the_next_first(client, weekly):
    first, second, off, fourth = dates_of(weekly)
    answer(weekly, first, "Ada First", "ada@example.org")
    answer(weekly, first, "Hal Helper", "hal@example.org", role=Rsvp.Role.HELPER)
    answer(weekly, second, "Bob Second", "bob@example.org")
    answer(weekly, second, "Cy Second", "cy@example.org")
    answer(weekly, second, "Dee Waits", "dee@example.org")  # two places each date: the third waits
    host = HostFactory(event=weekly)

    shown = sections(client.get(page_of(host)).content.decode())

    assert len(shown) == 4
    assert shown[0].startswith(date_format(first.start, "l j F Y, H:i"))
    assert "1 coming of 2 places" in shown[0] and "1 helping of 2 wanted" in shown[0]
    assert "0 on the waiting list" in shown[0]
    assert "Ada First" in shown[0] and "Hal Helper" in shown[0] and "Bob Second" not in shown[0]
    assert shown[1].startswith(date_format(second.start, "l j F Y, H:i"))
    assert "2 coming of 2 places" in shown[1] and "1 on the waiting list" in shown[1]
    assert "0 helping of 2 wanted" in shown[1]
    assert "Bob Second" in shown[1] and "Dee Waits" in shown[1] and "Ada First" not in shown[1]
    assert shown[2].endswith("(cancelled: A fair on the street.)")  # nobody expected: no counts, no lists
    assert shown[3].endswith("Nobody yet for this date.") and "coming" not in shown[3]


def test_the_page_asks_no_more_of_the_database_with_more_people_answering(client, weekly):
    host = HostFactory(event=weekly)
    first, second, *_ = dates_of(weekly)
    answer(weekly, first, "Ada First", "ada@example.org")
    client.get(page_of(host))  # warm: the site, the session
    with CaptureQueriesContext(connection) as few:
        client.get(page_of(host))
    for n in range(3):
        answer(weekly, second, f"Person {n}", f"p{n}@example.org")
    answer(weekly, second, "Hal Helper", "hal@example.org", role=Rsvp.Role.HELPER)
    with CaptureQueriesContext(connection) as more:
        client.get(page_of(host))
    assert len(more) == len(few)


def test_a_one_off_event_keeps_its_whole_event_counts(client, host, event):
    event.helpers_wanted = 2
    event.save()
    coming(event, "Ada Lovelace", "ada@example.org")
    coming(event, "Hal Helper", "hal@example.org", role=Rsvp.Role.HELPER)
    html = client.get(page_of(host)).content.decode()
    assert 'class="host-date"' not in html
    text = visible_text(html)
    assert "1 coming of 2 places" in text and "1 helping of 2 wanted" in text  # a helper is not counted as coming
