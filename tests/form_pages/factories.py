"""Factories for form pages and their fields."""

import factory
import wagtail_factories

from campaign.form_pages.models import FormField, FormPage


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
