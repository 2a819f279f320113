"""Factories for stall sessions."""

from datetime import timedelta

import factory
from django.utils import timezone

from campaign.stalls.days import end_of_day
from campaign.stalls.models import Stall
from tests.events.factories import EventPageFactory


class StallFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventPageFactory)

    class Meta:
        model = Stall


def hours_of_todays_event():
    """(start, end) of an event on now's day in London, whatever the time: one crossing midnight is tomorrow's too."""
    now = timezone.now().replace(microsecond=0)
    end = min(now + timedelta(hours=1), end_of_day(now))
    return end - timedelta(hours=2), end
