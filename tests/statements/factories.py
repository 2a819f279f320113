import factory
import wagtail_factories
from django.utils import timezone

from statements.models import Signature, StatementPage


class StatementPageFactory(wagtail_factories.PageFactory):
    title = "Our statement"
    slug = "statement"
    standfirst = "A short standfirst."
    body = "<p>We demand a better world.</p>"

    class Meta:
        model = StatementPage


class SignatureFactory(factory.django.DjangoModelFactory):
    """A confirmed, public signature by a person (counted, as the model's save counts it)."""

    page = factory.SubFactory(StatementPageFactory)
    kind = Signature.Kind.PERSON
    name = factory.Sequence(lambda n: f"Signer {n}")
    email = factory.Sequence(lambda n: f"made-by-factory-{n}@example.org")
    town = "Leeds"
    show_publicly = True
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Signature

    class Params:
        unconfirmed = factory.Trait(confirmed_at=None)
        organisation_kind = factory.Trait(
            kind=Signature.Kind.ORGANISATION, organisation="Anytown Trades Council", role="Secretary"
        )
