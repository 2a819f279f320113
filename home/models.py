"""The home page and the settings every page shares (contact, social links, logo and colour)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, Site, TranslatableMixin
from wagtail.search import index

from core.blocks import CallToActionBlock
from core.brand import DEFAULT_BRAND_COLOUR, HEX_COLOUR
from core.colours import AA_TEXT, contrast_ratio, reaches_aa, text_colour_on
from core.languages import locale_id
from core.publish_clock import content_changed

from .blocks import ActionCardBlock, MenuTitleBlock, SocialLinkBlock
from .featured import featured_context
from .listings import home_listings


class HomePage(Page):
    """The front door: what the campaign is, what you can do, what's next."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: a wide photo beside the headline (at least 1280 pixels wide is best).",
    )
    hero_alt = models.CharField(
        "Hero image description",
        max_length=200,
        blank=True,
        help_text="Required with an image: what it shows, for people who cannot see it.",
    )
    actions_heading = models.CharField(max_length=120, default="What you can do")
    actions = StreamField([("action", ActionCardBlock())], blank=True, use_json_field=True)
    updates_heading = models.CharField(max_length=120, default="Latest news")
    events_heading = models.CharField(max_length=120, default="Coming up")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading="Hero image"),
        MultiFieldPanel(
            [FieldPanel("actions_heading", heading="Heading"), FieldPanel("actions")], heading="Calls to action"
        ),
        MultiFieldPanel(
            [
                FieldPanel("updates_heading", heading="Heading above the latest news"),
                FieldPanel("events_heading", heading="Heading above the coming events"),
            ],
            heading="Listings",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": "Describe the image for people who cannot see it."})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_listings(self))
        context.update(featured_context(self))
        return context


class SiteSettings(BaseSiteSetting):
    """Contact details and links that editors change once for the whole site."""

    campaign_name = models.CharField(max_length=120, default="Our campaign")
    tagline = models.CharField(max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "Shown in the header on the brand colour, 48 pixels high, so make it light on dark or dark on "
            "light to match. A squarish logo also becomes the site's icon; without a logo the campaign "
            "name is shown in the heading typeface, and the icon is its initials on the brand colour."
        ),
    )
    brand_colour = models.CharField(
        max_length=7,
        default=DEFAULT_BRAND_COLOUR,
        validators=[RegexValidator(HEX_COLOUR, "Enter a colour as # and six hex digits, such as #a00000.")],
        help_text=(
            "The header and buttons, as # and six hex digits (e.g. #a00000). Their text is white or "
            "near-black, whichever reads better; a colour on which neither reaches the WCAG AA contrast "
            "of 4.5:1 (mid-tones such as #ff0000 or #808080) is refused. Links use it too, darkened "
            "where needed to read on white."
        ),
    )
    contact_email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    facebook_url = models.URLField("Facebook page", blank=True)
    social_links = StreamField([("link", SocialLinkBlock())], blank=True, use_json_field=True)
    footer_text = models.CharField(max_length=300, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The accessibility statement, linked from every page's footer (in each language, its translation).",
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page is shared on social media and has no image of its own.",
    )
    menu_titles = StreamField(
        [("menu_title", MenuTitleBlock())],
        blank=True,
        use_json_field=True,
        verbose_name="short menu titles",
        help_text=(
            "Optional: a shorter name for a page in the main menu, such as “Sign the statement” for a statement "
            "with a long title. Which pages are in the menu is set by “Show in menus” on each page."
        ),
    )
    next_steps = StreamField(
        [("step", CallToActionBlock())],
        blank=True,
        help_text=(
            "What someone can do next, offered on every thank-you page (after an RSVP, an order, an invitation, "
            "the get-involved form, asking for updates): sign the statement, find an event… A step that links "
            "to the page the form was on is left out there."
        ),
    )
    imprint_promoted_by = models.CharField(
        "promoted by",
        max_length=200,
        blank=True,
        help_text="The imprint UK election law asks of campaign material: the name of the person who promotes it.",
    )
    imprint_on_behalf_of = models.CharField(
        "on behalf of",
        max_length=200,
        blank=True,
        help_text="Optional: the organisation or person it is promoted for, if not the promoter themselves.",
    )
    imprint_address = models.CharField(
        "address",
        max_length=300,
        blank=True,
        help_text="A postal address where the promoter can be reached (a PO box will not do).",
    )

    panels = [
        HelpPanel(
            content=(
                "<p>These are the site’s words in English. The campaign name, tagline, footer text and "
                "“on behalf of” in Welsh (or another language) are under Snippets › Site words: translate "
                "the English ones there, or add them in that language. A word left empty there is shown as "
                "it is here.</p>"
            ),
            heading="Other languages",
        ),
        MultiFieldPanel([FieldPanel("campaign_name"), FieldPanel("tagline")], heading="Campaign"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("brand_colour")], heading="Look"),
        FieldPanel("menu_titles", heading="Menu"),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("phone")], heading="Contact"),
        MultiFieldPanel([FieldPanel("facebook_url"), FieldPanel("social_links")], heading="Social media"),
        MultiFieldPanel(
            [
                FieldPanel("footer_text"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("share_image"),
            ],
            heading="Footer and sharing",
        ),
        MultiFieldPanel(
            [FieldPanel("imprint_promoted_by"), FieldPanel("imprint_on_behalf_of"), FieldPanel("imprint_address")],
            heading="Imprint",
            help_text=(
                "Shown at the foot of every page and printed on the posters and motion files the site makes: "
                "“Promoted by … on behalf of …, address”. Leave all three empty only if no material here is "
                "election material."
            ),
        ),
        FieldPanel("next_steps", heading="Next steps after a form"),
    ]

    class Meta:
        verbose_name = "Site settings"

    def short_menu_titles(self):
        """{page id: short title} from the menu titles, read from the stored data (no query for the pages)."""
        titles = {}
        for item in self.menu_titles.raw_data:
            value = item.get("value") or {}
            if value.get("page") and (value.get("title") or "").strip():
                titles.setdefault(value["page"], value["title"].strip())
        return titles

    def imprint(self):
        """ "Promoted by A on behalf of B, address": the one wording the footer and every generated file use.

        Empty until both the promoter and the address are given (clean() refuses one without the other).
        """
        promoter, address = self.imprint_promoted_by.strip(), self.imprint_address.strip()
        if not (promoter and address):
            return ""
        words = {"promoter": promoter, "behalf": self.imprint_on_behalf_of.strip(), "address": address.rstrip(".")}
        if words["behalf"]:
            return gettext("Promoted by %(promoter)s on behalf of %(behalf)s, %(address)s.") % words
        return gettext("Promoted by %(promoter)s, %(address)s.") % words

    def translated_words(self, language):
        """{field: words} of this site in `language` (its SiteWords), the empty ones left out: one query at most."""
        language_locale = locale_id(language)
        if language_locale is None:
            return {}
        words = SiteWords.objects.filter(site_id=self.site_id, locale_id=language_locale).values(*SiteWords.WORDS)
        words = words.first()
        return {field: value for field, value in (words or {}).items() if value.strip()}

    def clean(self):
        super().clean()
        self.clean_imprint()
        colour = self.brand_colour or ""
        if HEX_COLOUR.match(colour) and not reaches_aa(colour):
            best = contrast_ratio(colour, text_colour_on(colour))
            raise ValidationError(
                {
                    "brand_colour": (
                        f"Text on {colour} would be hard to read: neither white nor near-black reaches "
                        f"{AA_TEXT}:1 (the best is {best:.1f}:1). Choose a darker or a lighter shade."
                    )
                }
            )

    def clean_imprint(self):
        """An imprint needs both a name and an address; half of one would be printed as if it were whole."""
        given = {
            "imprint_promoted_by": self.imprint_promoted_by.strip(),
            "imprint_address": self.imprint_address.strip(),
        }
        if self.imprint_on_behalf_of.strip() or any(given.values()):
            missing = {name: "The imprint needs this too." for name, value in given.items() if not value}
            if missing:
                raise ValidationError(missing)


def default_site_id():
    site = Site.objects.filter(is_default_site=True).first()
    return site.pk if site else None


class SiteWords(TranslatableMixin, models.Model):
    """The words of the site settings that every page shows, in one language: Wagtail's settings have no languages.

    The English ones are a copy of the settings' (made when the settings are saved) for translators to start
    from: wagtail-localize's Translate makes the Welsh. English pages read the settings themselves;
    a page in another language reads that language's words here (core.site_settings), an empty one from the
    settings.
    """

    WORDS = ("campaign_name", "tagline", "footer_text", "imprint_on_behalf_of")

    site = models.ForeignKey(
        Site,
        on_delete=models.CASCADE,
        related_name="+",
        default=default_site_id,
        help_text="The site these words are for (most campaigns have one).",
    )
    campaign_name = models.CharField(max_length=120, blank=True)
    tagline = models.CharField(max_length=200, blank=True)
    footer_text = models.CharField(max_length=300, blank=True)
    imprint_on_behalf_of = models.CharField(
        "imprint: on behalf of",
        max_length=200,
        blank=True,
        help_text=(
            "Only if it is words to translate (a name stays as it is). The rest of the imprint is written "
            "in each language by the site."
        ),
    )

    panels = [
        HelpPanel(
            content=(
                "<p>The campaign name, tagline, footer text and imprint as pages in this language show them. "
                "Leave a field empty to show the English from Settings › Site settings. The English words "
                "themselves are changed there: the English site words follow them.</p>"
            ),
        ),
        FieldPanel("site"),
        FieldPanel("campaign_name"),
        FieldPanel("tagline"),
        FieldPanel("footer_text"),
        FieldPanel("imprint_on_behalf_of"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "site words"
        verbose_name_plural = "site words"
        constraints = [models.UniqueConstraint(fields=["site", "locale"], name="one_site_words_per_language")]

    def __str__(self):
        return f"{self.campaign_name or 'Site words'} ({self.locale.get_display_name()})"

    def save(self, *args, **kwargs):
        """A site's words in every language are translations of one another, however they were made.

        So Wagtail's language switch joins them, and wagtail-localize offers no Translate into a language that has
        them already (a second set would be refused).
        """
        if self._state.adding:
            others = SiteWords.objects.filter(site_id=self.site_id).exclude(locale_id=self.locale_id)
            self.translation_key = others.values_list("translation_key", flat=True).first() or self.translation_key
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        # The snippet's form has no locale field, so Django's own check of the one-per-language rule skips it.
        taken = SiteWords.objects.filter(site_id=self.site_id, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and taken.exists():
            raise ValidationError(
                {"site": f"This site has its words in {self.locale.get_display_name()} already: change those."}
            )
        english = SiteSettings.objects.filter(site_id=self.site_id).first()
        if english and self.locale_id and self.locale.language_code == settings.LANGUAGE_CODE:
            changed = {field for field in self.WORDS if getattr(self, field) != getattr(english, field)}
            if changed:
                message = "Change the English words in Settings › Site settings: these follow them."
                raise ValidationError(dict.fromkeys(changed, message))

    @classmethod
    def follow_settings(cls, site_settings):
        """Keep the default language's words a copy of the settings', for wagtail-localize to translate from."""
        locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        if locale is None or site_settings.site_id is None:
            return
        words = {field: getattr(site_settings, field) for field in cls.WORDS}
        cls.objects.update_or_create(site_id=site_settings.site_id, locale=locale, defaults=words)


@receiver(post_save, sender=SiteSettings, dispatch_uid="home.site_words_follow_settings")
def site_words_follow_settings(sender, instance, raw=False, **kwargs):
    if not raw:
        SiteWords.follow_settings(instance)


@receiver([post_save, post_delete], sender=SiteWords, dispatch_uid="home.site_words_changed")
def site_words_changed(sender, **kwargs):
    """New words show on the next page on every server, and cached pages that hold the old ones go."""
    content_changed.send(sender=SiteWords)


class ContentPage(Page):
    """A plain page of text, such as the privacy notice or "about us"."""

    body = RichTextField(features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"])

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]
