"""News updates: an index page, newest first, with RSS and Atom feeds."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PagePermissionTester
from wagtail.search import index

from core.page_cache import declare_query

from ..blocks import UpdateBodyBlock
from ..feeds import UpdatesAtomFeed, UpdatesRssFeed
from .sends import emailed

UPDATES_PER_PAGE = 10


class UpdateIndexPage(RoutablePageMixin, Page):
    intro = models.TextField(blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.UpdatePage"]
    max_count = 1

    def updates(self):
        """Live updates that anyone may read, newest first: private ones stay out of the list and the feeds."""
        return UpdatePage.objects.live().public().child_of(self).order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.updates(), UPDATES_PER_PAGE)
        declare_query(request, "page")  # ?page=2 is a page of its own; any other query string is this one
        context["updates"] = paginator.get_page(request.GET.get("page"))
        return context

    @path("rss/")
    def rss_feed(self, request):
        return UpdatesRssFeed(self)(request)

    @path("atom/")
    def atom_feed(self, request):
        return UpdatesAtomFeed(self)(request)


class UpdatePermissionTester(PagePermissionTester):
    """An update emailed to subscribers offers no "Delete" to anyone (news/deleting.py says why)."""

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk=ignore_bulk) and not self.page.was_emailed()


class UpdatePage(Page):
    date = models.DateField("date", default=timezone.localdate, db_index=True)
    standfirst = models.TextField(
        max_length=400, blank=True, help_text="One or two sentences shown in lists and feeds."
    )
    body = StreamField(UpdateBodyBlock(), blank=True, use_json_field=True)

    # The statement's hand-in or response this update announces (news/step_updates.py): one update per
    # step, so subscribers are never emailed twice about the same step. A copy of the update announces nothing.
    about_hand_in = models.OneToOneField(
        "statements.HandIn", models.SET_NULL, null=True, blank=True, editable=False, related_name="news_update"
    )
    about_answer = models.OneToOneField(
        "statements.Answer", models.SET_NULL, null=True, blank=True, editable=False, related_name="news_update"
    )

    content_panels = Page.content_panels + [FieldPanel("date"), FieldPanel("standfirst"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("standfirst"), index.SearchField("body")]
    parent_page_types = ["news.UpdateIndexPage"]
    subpage_types = []
    exclude_fields_in_copy = ["about_hand_in", "about_answer"]

    def permissions_for_user(self, user):
        return UpdatePermissionTester(user, self)

    def was_emailed(self):
        return emailed(self.sends.all()).exists()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(about_hand_in__isnull=True) | models.Q(about_answer__isnull=True),
                name="update_announces_one_step",
            )
        ]
