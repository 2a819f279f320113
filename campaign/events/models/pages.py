"""Event pages: the events list (with its routes) and one page per meeting, stall or other activity.

Editors publish EventPages under the one EventIndexPage. Supporters submit
their own activity through a public form (a route of the list, served by
views.py); that lands as an EventSubmission for organisers to decide on.
"""

from urllib.parse import urlencode

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.languages import original_of
from core.page_methods import takes_posts

from .. import placing, recurrence, structured_data, views
from .details import EventDetails
from .repeats import Repeating


def ics_url(page):
    url = page.url
    return url.rstrip("/") + ".ics" if url else None


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
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = "event list"

    def events(self):
        return EventPage.objects.live().public().child_of(self)

    def upcoming_events(self, now=None):
        """Events whose last date has not ended yet (so one under way still shows), by their first start.

        The list itself orders them by their next date (views.event_list, `listing.soonest_first`).
        """
        return self.events().filter(series_end__gte=now or timezone.now()).order_by("start", "pk")

    def past_events(self, now=None):
        return self.events().filter(series_end__lt=now or timezone.now()).order_by("-start", "-pk")

    @path("", name="upcoming")
    def upcoming_view(self, request):
        return views.event_list(request, self, self.upcoming_events(), past=False)

    @path("past/", name="past")
    def past_view(self, request):
        return views.event_list(request, self, self.past_events(), past=True)

    @property
    def feed_url(self):
        """The calendar feed, /events.ics beside /events/.

        Served by calendar.py, not a route here: Wagtail's page paths cannot contain a dot.
        """
        return ics_url(self)

    @takes_posts
    @path("submit/", name="submit")
    def submit_view(self, request):
        return views.submit_event(request, self)

    @path("submit/thanks/", name="submit_thanks")
    def submit_thanks_view(self, request):
        return self.render(request, template="events/event_submit_thanks.html")


class EventPage(RoutablePageMixin, Repeating, EventDetails, Page):
    """One meeting, street stall or other activity, with its own "Add to calendar" download and RSVPs.

    The RSVP form posts to the page's `rsvp/` route; the emailed cancel and
    confirm links open `rsvp/cancel/` and `rsvp/confirm/` (all served by views.py).
    """

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
    # The ONS code of the constituency its postcode is in (core.places), for the constituency's page.
    constituency = models.CharField(max_length=9, blank=True, editable=False)
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    cancelled = models.BooleanField(
        default=False,
        help_text="Keep the page up, marked as cancelled, so people who planned to come find out.",
    )
    takes_rsvps = models.BooleanField(
        "take RSVPs",
        default=False,
        help_text="People can say they are coming; they get the details, a reminder the day before and any change.",
    )
    capacity = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="How many places. Leave empty for no limit; when full, people join a waiting list.",
    )
    helpers_wanted = models.PositiveIntegerField(
        "helpers wanted",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="How many people you need to help run it (on each date, if it repeats). "
        "They sign up on the page, apart from those coming; empty: not asking for helpers.",
    )
    previous_start = models.DateTimeField(
        null=True, editable=False, help_text="Where the start was before it moved, once published (kept on save)."
    )
    rsvps_need_confirming = models.BooleanField(
        "RSVPs must be confirmed by email",
        default=False,
        help_text="Each person presses a button in an email before they take a place or count, "
        "so nobody can put someone else's address on the list.",
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
        *Repeating.repeat_panels,
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("town"), FieldPanel("postcode"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("online_url"),
            ],
            heading="Where",
            help_text="Latitude and longitude are optional: they pin the OpenStreetMap link exactly.",
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("takes_rsvps"),
                FieldPanel("capacity"),
                FieldPanel("helpers_wanted"),
                FieldPanel("rsvps_need_confirming"),
            ],
            heading="RSVPs and helpers",
        ),
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

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "event"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Remember where the start was when a published event moves (schema.org's EventRescheduled), and
        find its point and constituency from its postcode (placing.py).

        A save that names its fields (Wagtail's, of a draft's bookkeeping) touches neither unless it
        writes the postcode.
        """
        update_fields = kwargs.get("update_fields")
        places = update_fields is None or "postcode" in update_fields
        stored = None
        if self.pk and (places or self.first_published_at):
            stored = EventPage.objects.filter(pk=self.pk).values("start", *placing.STORED).first()
        if stored and self.first_published_at:
            was = stored["start"]
            if was and was != self.start:
                self.previous_start = None if self.previous_start == self.start else was
        if places:
            placing.place_from_postcode(self, stored)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *placing.FIELDS}
        super().save(*args, **kwargs)

    @cached_property
    def counted_page(self):
        """The event whose RSVPs, counts and dates these are: this page in the site's default language.

        A translation (#29) is the same event in another language: whoever answers on it
        answers the original, so there is one list of who is coming, one cap and one
        waiting list in every language (as StatementPage.counted_page for signatures).
        An event with no version in the default language is its own.
        """
        return original_of(self)

    @property
    def is_past(self):
        """Whether its last date has ended (the end, for an event that never repeats)."""
        return (self.series_end or self.end) < timezone.now()

    @property
    def repeating(self):
        return bool(self.repeats)

    @cached_property
    def next_occurrence(self):
        """The next date that is not cancelled and has not ended (None when none is left): what lists show."""
        return recurrence.next_held(self)

    @property
    def listed_start(self):
        """The start a list shows and sorts by: the next date of a repeating event, else its start."""
        found = self.next_occurrence if self.repeats else None
        return found.start if found else self.start

    @property
    def repeat_summary(self):
        """How often it repeats, for a card ("Every Saturday"); "" for a one-off event."""
        return recurrence.in_short(self) if self.repeats else ""

    @property
    def asks_for_answers(self):
        """Whether the page has a form: it takes RSVPs or wants helpers."""
        return self.takes_rsvps or bool(self.helpers_wanted)

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
        """This event's "Add to calendar" file: /events/<slug>.ics (see calendar.py)."""
        return ics_url(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views.rsvp_context(self))
        context["structured_data"] = structured_data.script_for(self, request)
        if self.counted_page.repeats:  # a translation's dates are the original's
            context["repeat_words"] = recurrence.describe(self.counted_page)
        return context

    @takes_posts
    @path("rsvp/", name="rsvp")
    def rsvp_view(self, request):
        return views.rsvp(request, self)

    @takes_posts
    @path("rsvp/cancel/", name="rsvp_cancel")
    def rsvp_cancel_view(self, request):
        return views.cancel_rsvp(request, self)

    @takes_posts
    @path("rsvp/confirm/", name="rsvp_confirm")
    def rsvp_confirm_view(self, request):
        return views.confirm_rsvp(request, self)

    @property
    def rsvp_url(self):
        return self.url + self.reverse_subpage("rsvp")
