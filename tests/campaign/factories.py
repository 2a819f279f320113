"""Factories for the campaign app's pages and records."""

from datetime import timedelta

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from campaign.models import (
    EventIndexPage,
    EventKind,
    EventPage,
    EventSubmission,
    FormField,
    FormPage,
    Material,
    MaterialsPage,
    MotionPage,
    PrintOrder,
    SpeakerRequest,
    UpdateIndexPage,
    UpdatePage,
)


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


# The smallest file a PDF reader accepts is still a few hundred bytes; tests need only the bytes.
PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class DocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Poster {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(PDF_BYTES, name=f"{o.title.lower().replace(' ', '-')}.pdf"))

    class Meta:
        model = get_document_model()


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


class MotionPageFactory(wagtail_factories.PageFactory):
    title = "Model motion"
    slug = "motion"
    motion = "<p>[branch] notes that the Tories must go.</p><ol><li>[branch] resolves to act.</li></ol>"

    class Meta:
        model = MotionPage


class SpeakerRequestFactory(factory.django.DjangoModelFactory):
    organisation = "Unite"
    branch = "Sheffield Central"
    contact_name = "Tom Mann"
    email = "tom@example.org"
    proposed_dates = "Any Tuesday in May"
    format = SpeakerRequest.Format.ONLINE

    class Meta:
        model = SpeakerRequest


class UpdateIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"

    class Meta:
        model = UpdateIndexPage


class UpdatePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Update {n}")
    standfirst = "Something happened."

    class Meta:
        model = UpdatePage


class FormPageFactory(wagtail_factories.PageFactory):
    title = "Contact"
    slug = "contact"
    to_address = "organisers@example.org"
    from_address = "campaign@example.org"
    subject = "Message from the contact form"
    thank_you_text = "<p>Thanks for your message.</p>"

    class Meta:
        model = FormPage


class FormFieldFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Field {n}")
    field_type = "singleline"
    required = True

    class Meta:
        model = FormField
