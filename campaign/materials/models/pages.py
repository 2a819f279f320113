"""The materials page: posters and leaflets to download, the QR code, and the print order form."""

from functools import cached_property
from pathlib import PurePath

from django.contrib import admin
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images.models import SourceImageIOError
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.page_methods import takes_posts
from core.rich_text import TEXT_FEATURES

from .. import views
from ..panels import PreviewStatusPanel
from ..social_images import SOCIAL_IMAGES
from .previews import DocumentPreview


def human_size(size):
    """A file size as people say it: "820 KB", "1.2 MB"."""
    if size is None:
        return ""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class MaterialsPage(RoutablePageMixin, Page):
    """Materials to download, a QR code to the statement and the print order form."""

    intro = RichTextField(blank=True, features=TEXT_FEATURES)
    qr_heading = models.CharField(max_length=120, default="A QR code for your own posters")
    qr_text = models.TextField(
        blank=True,
        default="Put this code on your own posters and leaflets: it takes people to the statement.",
    )
    order_heading = models.CharField(max_length=120, default="Order printed copies")
    order_intro = RichTextField(blank=True, features=TEXT_FEATURES)
    order_thanks = RichTextField(
        blank=True,
        features=TEXT_FEATURES,
        default="<p>Thank you. We have your order and have sent you an email about it.</p>",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("materials", heading="Materials", label="Material"),
        MultiFieldPanel(
            [FieldPanel("qr_heading", heading="Heading"), FieldPanel("qr_text", heading="Text beside the code")],
            heading="QR code to the statement",
        ),
        MultiFieldPanel(
            [
                FieldPanel("order_heading", heading="Heading"),
                FieldPanel("order_intro", heading="Introduction"),
                FieldPanel("order_thanks", heading="Thank-you message after ordering"),
            ],
            heading="Print order form",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    def get_materials(self):
        """Every material with its file, its preview or drawn preview, and their renditions, in four queries."""
        materials = self.materials.filter(document__isnull=False).select_related(
            "document", "preview", "document__poster_preview__image"
        )
        return MaterialList(
            materials.prefetch_related("preview__renditions", "document__poster_preview__image__renditions")
        )

    @takes_posts
    @path("")
    def order_form(self, request):
        return views.materials_page(request, self)

    @path("ordered/")
    def order_thanks_view(self, request):
        return views.order_thanks(request, self)


class Material(Orderable):
    """One poster or leaflet: the file people download and whether it can be ordered in print."""

    page = ParentalKey(MaterialsPage, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True, max_length=600)
    preview = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # SET_NULL rather than PROTECT: deleting a document in the admin must not fail;
    # a material without its file simply stops being listed.
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The file people download: a PDF or an image.",
    )
    orderable = models.BooleanField("printed copies can be ordered", default=True)
    max_quantity = models.PositiveIntegerField(
        "most copies in one order",
        default=500,
        validators=[MinValueValidator(1), MaxValueValidator(10_000)],
    )
    download_count = models.PositiveIntegerField(default=0, editable=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel(
            "preview",
            help_text="Leave empty for a PDF or picture: the site draws the preview from its first page. "
            "Give every size and format of one poster (A4 PDF, A3 PDF, PNG) the same preview image: the page "
            "then shows the poster once, with a choice of files named by what each title adds (“A3”).",
        ),
        FieldPanel("document"),
        PreviewStatusPanel(heading="Preview on the page"),
        FieldPanel("orderable"),
        FieldPanel("max_quantity"),
    ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Draw the preview when the material is saved (the page is published), not when someone views it."""
        super().save(*args, **kwargs)
        if self.preview_id is None:
            DocumentPreview.make_for(self.document)

    @property
    def drawn_preview(self):
        """The DocumentPreview made from the file, when the editor chose no preview image."""
        if self.preview_id is not None or self.document is None:
            return None
        return DocumentPreview.current_for(self.document)

    @property
    def card_image(self):
        """The picture on the material's card: the editor's preview, else the one drawn from the file."""
        if self.preview is not None:
            return self.preview
        drawn = self.drawn_preview
        return drawn.image if drawn is not None else None

    def social_images(self):
        """[(label, rendition, format)]: the card's picture padded to each social media size, made once."""
        image = self.card_image
        if image is None:
            return []
        images = []
        for label, spec in SOCIAL_IMAGES:
            try:
                rendition = image.get_rendition(spec)
            except SourceImageIOError:  # the picture's file has gone; the card shows what it can
                continue
            images.append((label, rendition, PurePath(rendition.file.name).suffix.lstrip(".").upper()))
        return images

    @property
    @admin.display(description="format")
    def file_format(self):
        return (self.document.file_extension or "file").upper()

    @property
    def file_size(self):
        """Wagtail stores the size on upload; a file added another way is measured, not saved on a GET."""
        size = self.document.file_size
        if size is None:
            try:
                size = self.document.file.size
            except OSError:
                return ""
        return human_size(size)

    @property
    def format_and_size(self):
        size = self.file_size
        return f"{self.file_format}, {size}" if size else self.file_format


SEPARATORS = " -–—:,;()[]"


class MaterialList(list):
    """The page's materials as the order form needs them, and as `posters` for the page to show."""

    @cached_property
    def posters(self):
        return group_posters(self)


def poster_key(material):
    """Files that show the same preview picture are the same poster; a file without one stands alone."""
    if material.preview_id is not None:
        return ("preview", material.preview_id)
    return ("document", material.document_id)


def group_posters(materials):
    """[Poster]: the materials grouped by poster, in the editor's order of each poster's first file."""
    groups = {}
    for material in materials:
        groups.setdefault(poster_key(material), []).append(material)
    return [Poster(files) for files in groups.values()]


def shared_title(titles):
    """The words every title starts with ("Poster: Tories out" of "… A4" and "… A3"), without a dangling separator."""
    words = [title.split(" ") for title in titles]
    shared = []
    for column in zip(*words, strict=False):
        if len(set(column)) > 1:
            break
        shared.append(column[0])
    return " ".join(shared).rstrip(SEPARATORS)


class Poster:
    """One poster or leaflet as visitors see it: its picture and words once, then every file it comes in."""

    def __init__(self, materials):
        self.materials = materials
        self.main = materials[0]
        self.title = shared_title([material.title for material in materials]) or self.main.title

    @property
    def description(self):
        return next((material.description for material in self.materials if material.description), "")

    @property
    def card_image(self):
        return self.main.card_image

    @property
    def file_format(self):
        return self.main.file_format

    def social_images(self):
        return self.main.social_images()

    @property
    def orderable(self):
        return any(material.orderable for material in self.materials)

    def files(self):
        """[(material, what sets it apart)]: "A3", "image for social media", or "" for a poster's only file."""
        if len(self.materials) == 1:
            return [(self.main, "")]
        start = len(self.title) if all(m.title.startswith(self.title) for m in self.materials) else 0
        return [(material, material.title[start:].strip(SEPARATORS)) for material in self.materials]
