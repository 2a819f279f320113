"""The statement page: the text people sign, the form, the counts and who has signed.

Its sub-pages (the thank-you pages, withdraw, signatories, and the two small
forms after signing: correcting an address, adding a union) are routes of the
page, so an editor who moves or renames the page moves them too. Signing and
confirming, the addresses a surge hits, are plain URLs beside the page and
have no route here (statements/urls.py, with the counts as JSON).
The views themselves live in statements/views.py, which takes the page as an
argument and never imports this module.
"""

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import CallToActionBlock
from core.languages import original_of
from core.page_methods import takes_posts
from statements import views
from statements.closing_forms import StatementPageForm
from statements.closing_panel import SigningClosesPanel
from statements.progress import milestone, parse_milestones, validate_milestones

from .counter import SignatureCount
from .movement import spread
from .signature import Signature


class StatementPage(RoutablePageMixin, Page):
    standfirst = models.TextField(blank=True, max_length=500, help_text="A sentence or two above the statement.")
    body = RichTextField(features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote"])
    milestones = models.CharField(
        max_length=200,
        blank=True,
        validators=[validate_milestones],
        help_text=(
            "Optional: numbers of signatures to aim for, separated by commas, for example 100, 500, 1000, 2000. "
            "The bar shows progress towards the next one."
        ),
    )
    form_intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        default="<p>Add your name, or your organisation’s, to the statement.</p>",
    )
    check_inbox_message = RichTextField(
        features=["bold", "italic", "link"],
        default=(
            "<p>Thank you! We have sent you an email. Please click the link in it to confirm "
            "your signature: it counts once you do.</p>"
        ),
    )
    thank_you_message = RichTextField(
        features=["bold", "italic", "link"],
        default="<p>Thank you for signing. Your signature now counts. Please share the statement.</p>",
    )
    next_steps = StreamField(
        [("step", CallToActionBlock())],
        blank=True,
        help_text="What a signer can do next, shown on the thank-you page: take the motion to a branch, order posters…",
    )
    share_text = models.CharField(
        max_length=200, blank=True, help_text="The text suggested when someone shares the statement."
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closes_at = models.DateTimeField(
        "signing closes",
        null=True,
        blank=True,
        help_text="Optional: the date and time (UK time) after which nobody can sign. Leave empty to keep it open.",
    )
    anonymised_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the signatures' personal details were removed."
    )

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        FieldPanel("body"),
        FieldPanel("milestones"),
        MultiFieldPanel(
            [
                FieldPanel("form_intro", heading="Introduction above the form"),
                FieldPanel("check_inbox_message"),
                FieldPanel("thank_you_message"),
            ],
            heading="Signing messages",
        ),
        FieldPanel("next_steps"),
        MultiFieldPanel([FieldPanel("share_text"), FieldPanel("share_image")], heading="Sharing"),
        MultiFieldPanel([FieldPanel("closes_at"), SigningClosesPanel()], heading="Closing"),
    ]
    base_form_class = StatementPageForm  # a closing time already past is refused unless it was set before
    search_fields = Page.search_fields + [index.SearchField("standfirst"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    PUBLIC_PREVIEW_SIZE = 10

    class Meta:
        verbose_name = "statement page"

    @property
    def closing_time(self):
        """When signing closes (or None): the original's, for a translation is the same statement (#29)."""
        return self.counted_page.closes_at

    def is_closed(self, now=None):
        """Whether signing has closed: from closes_at on (given in UK time); reopening clears or moves it."""
        closes_at = self.closing_time
        return closes_at is not None and (now or timezone.now()) >= closes_at

    @cached_property
    def counted_page(self):
        """The statement whose signatures and counts these are: this page in the site's default language.

        A translation (#29) is the same statement in another language: whoever signs
        it signs the original, so there is one count and one list of signatories in
        every language. A statement with no version in the default language is its own.
        """
        return original_of(self)

    def counter_totals(self):
        """Every kept counter of the statement ({key: n}) in one small query: counts() and spread() read it."""
        return SignatureCount.totals(self.counted_page.pk)

    def counts(self, totals=None):
        """Confirmed signatures: people, organisations and total, from the kept counters."""
        totals = self.counter_totals() if totals is None else totals
        people = totals.get(Signature.Kind.PERSON, 0)
        organisations = totals.get(Signature.Kind.ORGANISATION, 0)
        return {"people": people, "organisations": organisations, "total": people + organisations}

    def spread(self, totals=None):
        """Confirmed signatures by union and by region, from the kept counters (movement.spread)."""
        return spread(self.counter_totals() if totals is None else totals)

    def progress(self, total):
        """The milestone bar for `total` confirmed signatures, or None when the editor set no milestones."""
        try:
            return milestone(total, parse_milestones(self.milestones))
        except ValueError:  # saved before the check (an import, the shell): no bar rather than an error
            return None

    def recent_signatures(self, kind, limit=PUBLIC_PREVIEW_SIZE):
        return list(self.counted_page.signatures.listed().filter(kind=kind)[:limit])

    def get_cached_paths(self):
        """What a CDN or caching proxy may hold of this page beside the page itself: a publish purges them all.

        The thank-you pages, the first page of signatories and the share card
        show the title or the text; later signatory pages (?after=) and the
        .json expire by themselves within PUBLIC_CACHE_S_MAXAGE.
        """
        routes = [self.reverse_subpage(name) for name in ("signed", "confirmed", "change_sent")]
        return ["/", *(f"/{route}" for route in routes), "/signatories/", "/share-card.png"]

    @path("")
    def statement(self, request):
        return views.statement(request, self)

    @path("sign/done/", name="signed")
    def signed(self, request):
        return views.signed(request, self)

    @takes_posts
    @path("sign/correct/", name="correct")
    def correct(self, request):
        return views.correct(request, self)

    @path("confirm/done/", name="confirmed")
    def confirmed(self, request):
        return views.confirmed(request, self)

    @takes_posts
    @path("confirm/union/", name="add_union")
    def add_union(self, request):
        return views.add_union(request, self)

    @takes_posts
    @path("withdraw/")
    def withdraw(self, request):
        return views.withdraw(request, self, request.GET.get("token", ""))

    @takes_posts
    @path("change/", name="change")
    def change(self, request):
        return views.change(request, self)

    @path("change/sent/", name="change_sent")
    def change_sent(self, request):
        return views.change_sent(request, self)

    @path("signatories/")
    def signatories(self, request):
        return views.signatories(request, self)
