"""Factories for stall sessions."""

import factory

from campaign.stalls.models import Stall
from tests.events.factories import EventPageFactory


class StallFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventPageFactory)

    class Meta:
        model = Stall
