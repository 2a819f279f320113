"""Factories for introductions: constituencies in the postcode lookup, and signers who asked to be introduced."""

import factory

from tests.constituencies.factories import ConstituencyFactory
from tests.statements.factories import SignatureFactory

# A constituency in the postcode lookup: where introductions group people.
PlaceFactory = ConstituencyFactory


class AskingFactory(SignatureFactory):
    """A confirmed signature by a person in Leeds Central who asked to be introduced."""

    name = factory.Sequence(lambda n: f"Signer{n} Surname")
    constituency = "E14001234"
    region = "yorkshire"
    introduce_me = True
