"""Previews drawn from a document's first page, made once per file and kept as Wagtail images.

Keyed on the document rather than on the material: a material's fields are
also copied into every page revision, so state kept there would go stale;
and one PDF used by two materials is drawn once.
"""

import logging

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import IntegrityError, models, transaction
from django.utils.text import slugify
from wagtail.images import get_image_model

from ..rendering import UnreadableFile, can_render, first_page_png

logger = logging.getLogger(__name__)


class DocumentPreview(models.Model):
    """The picture of one document's first page, or why there could not be one."""

    document = models.OneToOneField("wagtaildocs.Document", on_delete=models.CASCADE, related_name="poster_preview")
    image = models.ForeignKey("wagtailimages.Image", null=True, on_delete=models.SET_NULL, related_name="+")
    # The file the picture was drawn from: an editor who replaces the document's file gets a new picture.
    source = models.CharField(max_length=255)
    problem = models.CharField(max_length=255, blank=True)
    created = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "poster preview"

    def __str__(self):
        return f"Preview of {self.document}"

    def is_current(self):
        """Drawn from the present file, and either still has its picture or knows why there is none."""
        return self.source == self.document.file.name and (self.image_id is not None or bool(self.problem))

    @classmethod
    def current_for(cls, document):
        """The document's preview if one was made from its present file (no query when select_related)."""
        try:
            preview = document.poster_preview
        except cls.DoesNotExist:
            return None
        return preview if preview.is_current() else None

    @classmethod
    def make_for(cls, document):
        """Draw the document's first page unless that was done already; never raises for a bad file."""
        if document is None or not can_render(document.file_extension):
            return None
        existing = cls.current_for(document)
        if existing is not None:
            return existing
        image, problem = None, ""
        try:
            with document.open_file() as file:
                png = first_page_png(file.read(), document.file_extension)
        except (UnreadableFile, OSError) as error:
            problem = str(error) if isinstance(error, UnreadableFile) else "The file could not be read."
            logger.warning("No preview for document %s: %s", document.pk, problem)
        else:
            image = get_image_model().objects.create(
                title=f"{document.title} (preview)"[:255],
                file=ImageFile(ContentFile(png), name=f"{slugify(document.title)[:60] or 'poster'}-preview.png"),
            )
        try:
            with transaction.atomic():
                preview, _ = cls.objects.update_or_create(
                    document=document, defaults={"image": image, "source": document.file.name, "problem": problem}
                )
        except IntegrityError:  # another request made it at the same moment
            preview = cls.objects.get(document=document)
        document.poster_preview = preview
        return preview
