"""RSVPs under a surge on PostgreSQL: the last places and a freed place go to exactly the right number of people.

Real threads and real transactions; skipped on SQLite, which serialises every write.
"""

import pytest
from django.core import mail

from campaign.events import attendance
from campaign.events.models import Rsvp, RsvpCount
from tests.concurrency import needs_postgres, run_together  # noqa: F401 - the fixture is used
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.postgres]


@pytest.fixture
def event(home_page, site_settings):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=index, title="Small room", takes_rsvps=True, capacity=3)


def test_ten_people_at_once_for_three_places(event):
    run_together(10, lambda number: attendance.take(event, f"P{number}", f"p{number}@example.org"))

    assert Rsvp.objects.filter(status="going").count() == 3
    assert Rsvp.objects.filter(status="waiting").count() == 7
    counts = RsvpCount.objects.get(event=event)
    assert (counts.going, counts.waiting) == (3, 7)


def test_cancellations_at_once_each_free_place_goes_to_one_person(event):
    people = [attendance.take(event, f"P{number}", f"p{number}@example.org") for number in range(8)]
    mail.outbox.clear()
    going = [rsvp for rsvp in people if rsvp.status == "going"]

    run_together(6, lambda number: attendance.cancel(going[number % 3]))  # each of the three cancels twice at once

    assert Rsvp.objects.filter(status="going").count() == 3
    assert Rsvp.objects.filter(status="waiting").count() == 2
    promoted = Rsvp.objects.filter(promoted_at__isnull=False).values_list("email", flat=True)
    assert sorted(promoted) == ["p3@example.org", "p4@example.org", "p5@example.org"]
    counts = RsvpCount.objects.get(event=event)
    assert (counts.going, counts.waiting) == (3, 2)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(promoted)
