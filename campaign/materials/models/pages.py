"""The materials page: posters and leaflets to download, the QR code, and the print order form."""

from django.contrib import admin
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.rich_text import TEXT_FEATURES

from .. import views


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
        FieldPanel("qr_heading"),
        FieldPanel("qr_text"),
        FieldPanel("order_heading"),
        FieldPanel("order_intro"),
        FieldPanel("order_thanks"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    def get_materials(self):
        """Every material with its file and preview (and the preview's renditions) in three queries."""
        materials = self.materials.filter(document__isnull=False).select_related("document", "preview")
        return list(materials.prefetch_related("preview__renditions"))

    @path("")
    def order_form(self, request):
        return views.materials_page(request, self)

    @path("ordered/")
    def order_thanks_view(self, request):
        return self.render(request, template="materials/materials_thanks.html")


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
        FieldPanel("preview"),
        FieldPanel("document"),
        FieldPanel("orderable"),
        FieldPanel("max_quantity"),
    ]

    def __str__(self):
        return self.title

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
