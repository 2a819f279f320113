"""Events: meetings, street stalls and other activity, as pages, plus supporters' submissions.

Editors publish EventPages under the one EventIndexPage. Supporters submit
their own activity through a public form; that lands as an EventSubmission
("new") which an organiser accepts (making a draft EventPage) or rejects.
Times are stored in UTC and shown in the site's zone (settings.TIME_ZONE).
"""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

EVENTS_PER_PAGE = 12
# The feed lists every upcoming event; this only guards against a runaway feed.
FEED_LIMIT = 500


def ics_url(page):
    url = page.url
    return url.rstrip("/") + ".ics" if url else None


class HttpsURLField(models.URLField):
    """A URL field whose forms add https:// (not http://) to a bare address someone types."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class EventKind(models.TextChoices):
    MEETING = "meeting", "Meeting"
    STALL = "stall", "Street stall"
    OTHER = "other", "Other activity"


class EventDetails(models.Model):
    """What an event and a submitted activity have in common, so accepting copies field by field."""

    kind = models.CharField(max_length=20, choices=EventKind.choices, default=EventKind.MEETING)
    start = models.DateTimeField(help_text="Date and time it starts, in the site's time zone.")
    end = models.DateTimeField(help_text="Date and time it ends.")
    venue_name = models.CharField("venue", max_length=200, help_text="For example: Friends Meeting House")
    address = models.TextField(max_length=500, blank=True, help_text="Street address, one line each.")
    town = models.CharField("town or area", max_length=100, help_text="Used to find events near you.")
    postcode = models.CharField(max_length=12, blank=True)
    organiser_name = models.CharField("organiser", max_length=120)
    organiser_contact = models.CharField(
        "public contact",
        max_length=200,
        blank=True,
        help_text="Shown on the event: an email address, phone number or web page.",
    )
    online_url = HttpsURLField("online link", blank=True, help_text="A video call or live stream, if any.")

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "The end must be after the start."})

    @property
    def is_past(self):
        return self.end is not None and self.end < timezone.now()

    @property
    def map_query(self):
        """Where it is, in one line, each part once: for a map search and a calendar's LOCATION."""
        parts = [self.venue_name, *self.address.splitlines(), self.town, self.postcode]
        kept = []
        for part in (part.strip() for part in parts):
            if part and part.lower() not in {item.lower() for item in kept}:
                kept.append(part)
        return ", ".join(kept)


class EventIndexPage(RoutablePageMixin, Page):
    """/events/: upcoming events, past events, the calendar feed and the "submit your activity" form."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])
    submit_intro = RichTextField(
        "submission form introduction",
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="Shown above the form supporters use to submit their own activity.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("submit_intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaign.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = "event list"

    def events(self):
        return EventPage.objects.live().public().child_of(self)

    def upcoming_events(self, now=None):
        """Events that have not ended yet (so one under way still shows), soonest first."""
        return self.events().filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past_events(self, now=None):
        return self.events().filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def listing_context(self, request, events, past):
        from campaign.forms.events import EventFilterForm
        from campaign.views.events import paginate

        filters = EventFilterForm(request.GET or None)
        events = filters.apply(events)
        return {
            "events": paginate(request, events, EVENTS_PER_PAGE),
            "filters": filters,
            "showing_past": past,
            "query_string": filters.query_string(),
        }

    @path("", name="upcoming")
    def upcoming_view(self, request):
        context = self.listing_context(request, self.upcoming_events(), past=False)
        return self.render(request, context_overrides=context)

    @path("past/", name="past")
    def past_view(self, request):
        context = self.listing_context(request, self.past_events(), past=True)
        return self.render(request, context_overrides=context)

    @property
    def feed_url(self):
        """The calendar feed, /events.ics beside /events/.

        Served by campaign.calendar, not a route here: Wagtail's page paths cannot contain a dot.
        """
        return ics_url(self)

    @path("submit/", name="submit")
    def submit_view(self, request):
        from campaign.views.events import submit_event

        return submit_event(request, self)

    @path("submit/thanks/", name="submit_thanks")
    def submit_thanks_view(self, request):
        return self.render(request, template="campaign/event_submit_thanks.html")


class EventPage(EventDetails, Page):
    """One meeting, street stall or other activity, with its own "Add to calendar" download."""

    description = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    cancelled = models.BooleanField(
        default=False,
        help_text="Keep the page up, marked as cancelled, so people who planned to come find out.",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("cancelled"),
            ],
            heading="When",
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("town"), FieldPanel("postcode")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("online_url"),
            ],
            heading="Where",
            help_text="Latitude and longitude are optional: they pin the OpenStreetMap link exactly.",
        ),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("organiser_name"), FieldPanel("organiser_contact")], heading="Organiser"),
        FieldPanel("image"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.SearchField("town"),
        index.FilterField("start"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["campaign.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "event"

    def __str__(self):
        return self.title

    @property
    def has_place(self):
        """Whether there is anywhere to show on a map (an online-only event has none)."""
        return bool(self.address.strip() or self.postcode.strip() or self.latitude is not None)

    @property
    def osm_url(self):
        """A link to OpenStreetMap (no embedded map, so no third-party request on our page)."""
        if self.latitude is not None and self.longitude is not None:
            lat, lon = self.latitude, self.longitude
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        query = self.map_query
        return "https://www.openstreetmap.org/search?" + urlencode({"query": query})

    @property
    def ics_url(self):
        """This event's "Add to calendar" file: /events/<slug>.ics (see campaign.calendar)."""
        return ics_url(self)


class EventSubmission(EventDetails):
    """An activity a supporter submitted; organisers accept it (making a draft EventPage) or reject it."""

    wagtail_reference_index_ignore = True  # a visitor's request, not content (see Signature)

    class Status(models.TextChoices):
        NEW = "new", "New"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    title = models.CharField("name of the activity", max_length=120)
    description = models.TextField(max_length=4000, blank=True)
    email = models.EmailField(help_text="Never shown publicly.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    created = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True)
    event_page = models.ForeignKey(
        EventPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="submissions"
    )

    class Meta:
        ordering = ["-created"]
        verbose_name = "submitted activity"
        verbose_name_plural = "submitted activities"

    def __str__(self):
        return self.title
