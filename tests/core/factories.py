"""Factories for what several apps use: Wagtail documents."""

import factory
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

# The smallest file a PDF reader accepts is still a few hundred bytes; tests need only the bytes.
PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class DocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Poster {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(PDF_BYTES, name=f"{o.title.lower().replace(' ', '-')}.pdf"))

    class Meta:
        model = get_document_model()
