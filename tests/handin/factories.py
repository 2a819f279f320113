import factory

from campaign.handin.models import HandinPack, SheetBatch
from tests.statements.factories import StatementPageFactory


class SheetBatchFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(StatementPageFactory)
    label = "Leeds market stall"

    class Meta:
        model = SheetBatch


class HandinPackFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(StatementPageFactory)

    class Meta:
        model = HandinPack
