"""Factories for the "Where people have signed" page and the places it lists."""

import factory
import wagtail_factories

from campaign.constituencies.models import WhereSignedPage
from core.places.models import Constituency, Postcode


class WhereSignedPageFactory(wagtail_factories.PageFactory):
    title = "Where people have signed"
    slug = "where-people-signed"
    intro = "<p>Find your constituency.</p>"

    class Meta:
        model = WhereSignedPage


class ConstituencyFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"E1400{n:04d}")
    name = factory.Sequence(lambda n: f"Constituency {n}")
    region = "yorkshire"

    class Meta:
        model = Constituency
        django_get_or_create = ("code",)  # the demo's sample of the lookup may hold it already


class PostcodeFactory(factory.django.DjangoModelFactory):
    postcode = "LS61AB"
    outward = "LS6"
    latitude = 53.82
    longitude = -1.58

    class Meta:
        model = Postcode
