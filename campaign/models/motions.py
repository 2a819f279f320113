"""The model motion that supporters take to their branch, and invitations to send a speaker."""

import re
from html import unescape

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.html import strip_tags
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .materials import TEXT_FEATURES

BRANCH_PLACEHOLDER = "[branch]"
_BLOCK_END = re.compile(r"</(p|h2|h3|h4|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


_ORDERED_LIST = re.compile(r"<ol[^>]*>(.*?)</ol>", re.IGNORECASE | re.DOTALL)
_LIST_ITEM = re.compile(r"<li[^>]*>", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(^|(?<=[.!?:]\s))" + re.escape(BRANCH_PLACEHOLDER), re.MULTILINE)


def _number_items(match):
    counter = iter(range(1, 1000))
    return _LIST_ITEM.sub(lambda _: f"{next(counter)}. ", match.group(1))


def rich_text_to_plain(html):
    """Plain text of editor HTML: one paragraph per block, numbered or "- " list items."""
    html = _ORDERED_LIST.sub(_number_items, html)
    html = _LIST_ITEM.sub("- ", html)
    text = unescape(strip_tags(_BLOCK_END.sub("\n\n", html)))
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


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
        FieldPanel("speaker_heading"),
        FieldPanel("speaker_intro"),
        FieldPanel("speaker_thanks"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("motion")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    def motion_text(self, branch=""):
        """The motion as plain text with the branch's name in place of the placeholder."""
        text = rich_text_to_plain(self.motion)
        if not branch:
            text = _SENTENCE_START.sub("This branch", text)
        return text.replace(BRANCH_PLACEHOLDER, branch or "this branch")

    @path("")
    def speaker_form(self, request):
        from campaign.views.motion import motion_page

        return motion_page(request, self)

    @path("download/")
    def download_text(self, request):
        from campaign.views.motion import motion_download

        return motion_download(request, self)

    @path("invited/")
    def speaker_thanks_view(self, request):
        return self.render(request, template="campaign/motion_thanks.html")


class MotionDownload(Orderable):
    page = ParentalKey(MotionPage, on_delete=models.CASCADE, related_name="downloads")
    title = models.CharField(max_length=120)
    document = models.ForeignKey("wagtaildocs.Document", null=True, on_delete=models.SET_NULL, related_name="+")

    panels = [FieldPanel("title"), FieldPanel("document")]

    def __str__(self):
        return self.title


# What a person fills in when inviting a speaker: the form, the admin's read-only
# panels and the CSV export all list these, in this order.
SPEAKER_REQUEST_FIELDS = (
    "organisation",
    "branch",
    "contact_name",
    "email",
    "phone",
    "proposed_dates",
    "format",
    "place",
    "audience_size",
    "notes",
)


class SpeakerRequest(models.Model):
    """An invitation for a campaign speaker, worked through by organisers in the admin."""

    wagtail_reference_index_ignore = True  # a visitor's request, not content (see Signature)

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_HAND = "in_hand", "In hand"
        ARRANGED = "arranged", "Speaker arranged"
        DECLINED = "declined", "Declined"

    class Format(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        ONLINE = "online", "Online"
        EITHER = "either", "Either"

    page = models.ForeignKey(MotionPage, null=True, on_delete=models.SET_NULL, related_name="+")
    organisation = models.CharField(max_length=160)
    branch = models.CharField("branch or group", max_length=160, blank=True)
    contact_name = models.CharField(max_length=120)
    email = models.EmailField()
    phone = models.CharField(max_length=40, blank=True)
    proposed_dates = models.CharField("proposed date or dates", max_length=300)
    format = models.CharField("in person or online", max_length=12, choices=Format.choices, default=Format.EITHER)
    place = models.CharField("place", max_length=300, blank=True)
    audience_size = models.PositiveIntegerField(
        "expected audience", null=True, blank=True, validators=[MaxValueValidator(100_000)]
    )
    notes = models.TextField(blank=True, max_length=2000)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NEW, db_index=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    updated = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("status"),
        *(FieldPanel(name, read_only=True) for name in SPEAKER_REQUEST_FIELDS),
    ]

    class Meta:
        ordering = ["-created"]
        verbose_name = "speaker request"

    def __str__(self):
        return f"{self.organisation} ({self.contact_name})"
