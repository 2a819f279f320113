"""The home page and the settings every page shares (contact, social links)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import CallToActionBlock

from .blocks import SocialLinkBlock
from .listings import home_listings


class HomePage(Page):
    """The front door: what the campaign is, what you can do, what's next."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])
    actions_heading = models.CharField(max_length=120, default="What you can do")
    actions = StreamField([("action", CallToActionBlock())], blank=True, use_json_field=True)
    updates_heading = models.CharField(max_length=120, default="Latest news")
    events_heading = models.CharField(max_length=120, default="Coming up")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("actions_heading"), FieldPanel("actions")], heading="Calls to action"),
        MultiFieldPanel([FieldPanel("updates_heading"), FieldPanel("events_heading")], heading="Listings"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_listings(self))
        return context


class SiteSettings(BaseSiteSetting):
    """Contact details and links that editors change once for the whole site."""

    campaign_name = models.CharField(max_length=120, default="Our campaign")
    tagline = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    facebook_url = models.URLField("Facebook page", blank=True)
    social_links = StreamField([("link", SocialLinkBlock())], blank=True, use_json_field=True)
    footer_text = models.CharField(max_length=300, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page is shared on social media and has no image of its own.",
    )

    panels = [
        MultiFieldPanel([FieldPanel("campaign_name"), FieldPanel("tagline")], heading="Campaign"),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("phone")], heading="Contact"),
        MultiFieldPanel([FieldPanel("facebook_url"), FieldPanel("social_links")], heading="Social media"),
        MultiFieldPanel(
            [FieldPanel("footer_text"), FieldPanel("privacy_page"), FieldPanel("share_image")],
            heading="Footer and sharing",
        ),
    ]

    class Meta:
        verbose_name = "Site settings"


class ContentPage(Page):
    """A plain page of text, such as the privacy notice or "about us"."""

    body = RichTextField(features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"])

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]
