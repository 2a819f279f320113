"""Factories for the materials page, its materials and print orders."""

import factory
import wagtail_factories

from campaign.materials.models import Material, MaterialsPage, PrintOrder
from tests.core.factories import DocumentFactory


class MaterialsPageFactory(wagtail_factories.PageFactory):
    title = "Materials"
    slug = "materials"

    class Meta:
        model = MaterialsPage


class MaterialFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(MaterialsPageFactory)
    title = factory.Sequence(lambda n: f"Poster {n}")
    description = "An A4 poster."
    document = factory.SubFactory(DocumentFactory)
    orderable = True
    max_quantity = 500

    class Meta:
        model = Material


class PrintOrderFactory(factory.django.DjangoModelFactory):
    name = "Rosa Luxemburg"
    email = "rosa@example.org"
    organisation = "Leeds Unison"
    address = "1 Example Street\nLeeds LS1 1AA"

    class Meta:
        model = PrintOrder
