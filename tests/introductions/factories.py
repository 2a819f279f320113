"""Factories for introductions: constituencies in the postcode lookup, and signers who asked to be introduced."""

import factory

from core.places.models import Constituency
from tests.statements.factories import SignatureFactory


class PlaceFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"E1400{n:04d}")
    name = factory.Sequence(lambda n: f"Constituency {n}")
    region = "yorkshire"

    class Meta:
        model = Constituency
        django_get_or_create = ("code",)


class AskingFactory(SignatureFactory):
    """A confirmed signature by a person in Leeds Central who asked to be introduced."""

    name = factory.Sequence(lambda n: f"Signer{n} Surname")
    constituency = "E14001234"
    region = "yorkshire"
    introduce_me = True
