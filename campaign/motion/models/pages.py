"""The motion page: the model motion supporters take to their branch, its downloads, and the speaker form."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.page_methods import takes_posts
from core.rich_text import TEXT_FEATURES

from .. import pathway_views, views
from ..text import BRANCH_PLACEHOLDER, motion_text


class MotionPage(RoutablePageMixin, Page):
    """The model motion, its downloads, and the "invite a speaker" form."""

    intro = RichTextField(blank=True, features=TEXT_FEATURES)
    motion = RichTextField(
        features=["bold", "italic", "ol", "ul", "h2", "h3"],
        help_text=f"Write {BRANCH_PLACEHOLDER} where the branch or organisation's name goes; "
        "the plain-text download fills it in.",
    )
    speaker_heading = models.CharField(max_length=120, default="Invite a speaker")
    speaker_intro = RichTextField(blank=True, features=TEXT_FEATURES)
    speaker_thanks = RichTextField(
        blank=True,
        features=TEXT_FEATURES,
        default="<p>Thank you. We have your invitation and will be in touch soon.</p>",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("motion"),
        InlinePanel("downloads", heading="Downloadable versions", label="Download"),
        MultiFieldPanel(
            [
                FieldPanel("speaker_heading", heading="Heading"),
                FieldPanel("speaker_intro", heading="Introduction"),
                FieldPanel("speaker_thanks", heading="Thank-you message after inviting"),
            ],
            heading="Invite a speaker form",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("motion")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    def motion_text(self, branch=""):
        """The motion as plain text with the branch's name in place of the placeholder."""
        return motion_text(self.motion, branch)

    @takes_posts
    @path("")
    def speaker_form(self, request):
        return views.motion_page(request, self)

    @path("download/")
    def download_text(self, request):
        return views.motion_download(request, self)

    # The motion tracker (motion/tracker.py). Tokens travel in the query string and the form body, as for signing.
    @takes_posts
    @path("report/")
    def report(self, request):
        return views.report(request, self)

    @path("report/sent/")
    def report_sent(self, request):
        return views.report_sent(request, self)

    @takes_posts
    @path("report/confirm/")
    def report_confirm(self, request):
        return views.report_confirm(request, self)

    @path("report/confirmed/")
    def report_confirmed(self, request):
        return views.report_confirmed(request, self)

    @takes_posts
    @path("report/answer/")
    def report_answer(self, request):
        return views.report_answer(request, self)

    # The conference pathway (pathway_views.py): boards, a step, a pledge, and the emailed links.
    @path("conferences/<slug:slug>/")
    def conference_board(self, request, slug):
        return pathway_views.conference_board(request, self, slug)

    @takes_posts
    @path("pathway/step/")
    def pathway_step(self, request):
        return pathway_views.report_step(request, self)

    @takes_posts
    @path("pathway/pledge/")
    def pathway_pledge(self, request):
        return pathway_views.pledge(request, self)

    @path("pathway/sent/<slug:kind>/")
    def pathway_sent(self, request, kind):
        return pathway_views.pathway_sent(request, self, kind)

    @takes_posts
    @path("pathway/confirm/<slug:kind>/")
    def pathway_confirm(self, request, kind):
        return pathway_views.pathway_confirm(request, self, kind)

    @takes_posts
    @path("pathway/stop/<slug:kind>/")
    def pathway_stop(self, request, kind):
        return pathway_views.pathway_stop(request, self, kind)

    @path("invited/")
    def speaker_thanks_view(self, request):
        return views.speaker_thanks(request, self)


class MotionDownload(Orderable):
    page = ParentalKey(MotionPage, on_delete=models.CASCADE, related_name="downloads")
    title = models.CharField(max_length=120)
    document = models.ForeignKey("wagtaildocs.Document", null=True, on_delete=models.SET_NULL, related_name="+")

    panels = [FieldPanel("title"), FieldPanel("document")]

    def __str__(self):
        return self.title
