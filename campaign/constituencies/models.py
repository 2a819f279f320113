"""The "Where people have signed" page: an editor's introduction, the statement it counts, and its routes.

One page (max_count 1) under the home page, so editors can put it in the menu and word its
introduction. Its routes hand the request to views.py: the map and table at its own address, and a
page per constituency at <its address>/<ONS code>/.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.rich_text import TEXT_FEATURES
from statements.models import StatementPage

from . import views


class WhereSignedPage(RoutablePageMixin, Page):
    """/where-people-signed/: the map of nations and regions, the constituencies' table, a page for each."""

    intro = RichTextField(blank=True, features=TEXT_FEATURES)
    statement = models.ForeignKey(
        "statements.StatementPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Whose signatures the map counts. Leave empty for the site's first statement.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("statement")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "where people have signed page"

    def statement_page(self):
        """The chosen statement while it is live and public, else the first live public one in the tree (or None).

        Never a private one: these pages are open to everyone and cached for everyone.
        """
        shown = StatementPage.objects.live().public()
        if self.statement_id and shown.filter(pk=self.statement_id).exists():
            return self.statement
        return shown.order_by("path").first()

    @path("", name="map")
    def map_view(self, request):
        return views.where_signed(request, self)

    @re_path(r"^(?P<code>[A-Z][0-9]{8})/$", name="constituency")
    def constituency_view(self, request, code):
        return views.constituency(request, self, code)
