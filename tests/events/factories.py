"""Factories for event pages and submitted activities."""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from campaign.events.models import EventIndexPage, EventKind, EventPage, EventSubmission


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
