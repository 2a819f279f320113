"""Factories for event pages and submitted activities."""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from campaign.events.models import EventIndexPage, EventKind, EventPage, EventSubmission
from core.places.models import Postcode


def in_days(days, hours=0):
    return timezone.now().replace(microsecond=0) + timedelta(days=days, hours=hours)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    intro = "<p>Find an event near you.</p>"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    kind = EventKind.MEETING
    start = factory.LazyFunction(lambda: in_days(7))
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=2))
    venue_name = "Conway Hall"
    address = "25 Red Lion Square"
    town = "London"
    postcode = "WC1R 4RL"
    organiser_name = "London supporters"
    organiser_contact = "london@example.org"
    description = "<p>Everyone welcome.</p>"

    class Meta:
        model = EventPage


class EventSubmissionFactory(factory.django.DjangoModelFactory):
    title = "Leeds street stall"
    kind = EventKind.STALL
    start = factory.LazyFunction(lambda: in_days(10))
    end = factory.LazyAttribute(lambda submission: submission.start + timedelta(hours=3))
    venue_name = "Kirkgate Market"
    address = "Vicar Lane"
    town = "Leeds"
    postcode = "LS2 7HY"
    organiser_name = "Leeds supporters"
    organiser_contact = "07700 900456"
    description = "Leaflets & a petition.\nCome along <b>early</b>."
    email = "organiser@example.org"

    class Meta:
        model = EventSubmission


# Postcodes of the lookup the tests use (core.places): (postcode, latitude, longitude, constituency code).
# Headingley and the middle of Leeds are about two miles apart; Bradford 7, Halifax 13, Sheffield 30.
PLACES = [
    ("LS6 1AA", 53.8194, -1.5760, "E14001329"),
    ("LS6 2AB", 53.8230, -1.5800, "E14001329"),
    ("LS1 6HD", 53.7985, -1.5418, "E14001327"),
    ("LS2 7HY", 53.7968, -1.5399, "E14001327"),
    ("BD1 1AA", 53.7950, -1.7520, "E14001122"),
    ("HX1 1AA", 53.7210, -1.8620, "E14001266"),
    ("S1 2EW", 53.3810, -1.4700, "E14001469"),
    ("WC1R 4RL", 51.5200, -0.1190, "E14001172"),
]


def load_places(places=PLACES):
    """The lookup's rows for `places`, as the import command leaves them (no spaces, capitals)."""
    for postcode, latitude, longitude, constituency in places:
        code = postcode.replace(" ", "")
        Postcode.objects.update_or_create(
            postcode=code,
            defaults={
                "outward": postcode.split()[0],
                "latitude": latitude,
                "longitude": longitude,
                "constituency": constituency,
            },
        )
