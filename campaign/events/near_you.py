"""'Find an event near you': a postcode (whole, or its first half) and a radius; events nearest first.

The point comes from the postcode lookup (core.places), the events' points from their postcodes
(placing.py). The database keeps the upcoming events inside a box around the point (distance.py);
Python measures each and keeps those within the radius, so a search costs the same few queries
for 5 events or 500, and a repeating event is placed once, at its next date that goes ahead.

A GET search like the list's filters: it changes nothing, so it needs no honeypot or origin check;
its page is rendered for its request, never kept by the page cache (views.event_list declares PARAMS).
What a visitor types is never an error page: anything that is not a known postcode says so politely
and the normal list follows. Each search asks the lookup, so one network may search RATE_LIMIT
times in ten minutes (settings.RATE_LIMITS["near_you"] may change it); past that the list shows.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.places.lookup import find_place
from core.protection import RateLimit, allow_attempt
from core.regions import is_postcode, normalise_postcode

from . import distance, listing

PARAMS = ("postcode", "within")
ANY = "any"
RADII = ("5", "10", "25", "50", ANY)
DEFAULT_RADIUS = "10"
RATE_LIMIT = (100, 600)
ONLINE_SHOWN = 6
WHOLE_POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}")


def radius_label(miles):
    """A radius as the choice reads it: "5 miles", "Any distance" (in the active language)."""
    return gettext("Any distance") if miles == ANY else gettext("%(miles)s miles") % {"miles": miles}


def radius_words(miles):
    """A radius inside a sentence: "5 miles", "any distance"."""
    return gettext("any distance") if miles == ANY else gettext("%(miles)s miles") % {"miles": miles}


def radius_choices():
    return [(miles, radius_label(miles)) for miles in RADII]


class NearYouForm(forms.Form):
    """The postcode and the radius; an unknown radius is taken as the default, never an error."""

    postcode = forms.CharField(
        max_length=16,
        required=False,
        label=_("Postcode"),
        help_text=_("Or just its first half, like LS6."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "spellcheck": "false", "size": "10"}),
    )
    within = forms.ChoiceField(choices=radius_choices, required=False, label=_("Within"))


@dataclass(frozen=True)
class Nearby:
    """One event found near the visitor, and how far away it is."""

    event: object
    miles: float

    @property
    def words(self):
        return distance.in_words(self.miles)


@dataclass
class NearYou:
    """What the list shows of a search: the form, where, how far, what was found, or why nothing was."""

    form: NearYouForm
    typed: str = ""  # what the visitor typed, as the box shows it again (printable, at most 16 characters)
    where: str = ""  # the postcode as a person writes it ("LS6 1AA", "LS6")
    within: str = DEFAULT_RADIUS
    found: bool = False
    results: list = field(default_factory=list)
    online: list = field(default_factory=list)
    problem: str = ""

    @property
    def miles(self):
        return None if self.within == ANY else int(self.within)

    @property
    def radius_words(self):
        return radius_words(self.within)

    @property
    def wider(self):
        """The next radius out, as (value, words), or None at any distance."""
        if self.within == ANY:
            return None
        value = RADII[RADII.index(self.within) + 1]
        return value, radius_words(value)

    def query_string(self, within=None):
        return urlencode({"postcode": self.where, "within": within or self.within})

    @property
    def wider_query(self):
        return self.query_string(self.wider[0]) if self.wider else ""


def as_written(postcode):
    """LS61AA as "LS6 1AA"; a first half (or anything else) stays as it is."""
    return f"{postcode[:-3]} {postcode[-3:]}" if WHOLE_POSTCODE.fullmatch(postcode) else postcode


def search(request, events):
    """The search the request asks for (?postcode=&within=) over `events` (a queryset of upcoming events)."""
    within = request.GET.get("within", "")
    within = within if within in RADII else DEFAULT_RADIUS
    typed = request.GET.get("postcode", "")
    if "postcode" not in request.GET:
        return NearYou(NearYouForm(initial={"within": within}), within=within)
    form = NearYouForm({"postcode": typed, "within": within})
    near = NearYou(form, typed="".join(char for char in typed if char.isprintable())[:16].strip(), within=within)
    if not form.is_valid() or not typed.strip():
        near.problem = gettext(
            "Enter a UK postcode, like LS6 1AA, or its first half, like LS6, to find events near you."
        )
        return near
    postcode = normalise_postcode(form.cleaned_data["postcode"])
    if not is_postcode(postcode):
        near.problem = gettext(
            "“%(typed)s” does not look like a UK postcode. Try one like LS6 1AA, or its first half."
        ) % {"typed": near.typed}
        return near
    near.where = near.typed = as_written(postcode)
    if not allow_attempt(request, RateLimit.of("near_you", *RATE_LIMIT)):
        near.problem = gettext(
            "There have been many searches from your network just now. Please try again in a few minutes."
        )
        return near
    place = find_place(postcode)
    if place is None or place.latitude is None:
        if " " in near.where:
            near.problem = gettext(
                "We could not find %(postcode)s in our list of postcodes. Check it, or try its first half (%(half)s)."
            ) % {"postcode": near.where, "half": near.where.split()[0]}
        else:
            near.problem = gettext("We could not find %(postcode)s in our list of postcodes. Check it.") % {
                "postcode": near.where
            }
        return near
    near.found = True
    near.results = nearest(events, place.latitude, place.longitude, near.miles)
    near.online = online_elsewhere(events, [item.event.pk for item in near.results])
    return near


def nearest(events, latitude, longitude, miles=None):
    """[Nearby] of the events still taking place within `miles` of the point (None: any distance), nearest first."""
    placed = events.filter(latitude__isnull=False, longitude__isnull=False)
    if miles is not None:
        placed = placed.filter(**distance.box_around(latitude, longitude, miles))
    found = []
    for event in placed.prefetch_related("cancelled_occurrences").order_by("start", "pk")[: listing.LIST_LIMIT]:
        if event.next_occurrence is None:  # cancelled, or every date left is off
            continue
        away = distance.miles_between(latitude, longitude, event.latitude, event.longitude)
        if miles is None or away <= miles:
            found.append(Nearby(event, away))
    found.sort(key=lambda item: (item.miles, item.event.listed_start, item.event.pk))
    return found


def online_elsewhere(events, shown):
    """The next few events anyone can join online, leaving out those already listed as near."""
    online = events.exclude(online_url="").exclude(pk__in=shown)
    return [event for event in listing.soonest_first(online, ONLINE_SHOWN) if event.next_occurrence is not None]
