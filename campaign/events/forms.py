"""Forms for events: the public "submit your activity" form, the RSVP form and the listing's filters."""

import re
from datetime import timedelta
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.email_addresses import validate_fits_when_kept
from core.protection import HoneypotFormMixin
from core.regions import UK_REGIONS
from core.subscriptions.consent import updates_field
from core.text import one_line

from .models.details import EventKind
from .models.rsvps import Rsvp
from .models.submissions import SUBMITTED_FIELDS, EventSubmission

# A submitted activity may last at most this long (a day school or a weekend camp, not a season).
MAX_EVENT_LENGTH = timedelta(days=7)
# ...and start no further ahead than this, which also catches a mistyped year.
MAX_LEAD_TIME = timedelta(days=2 * 365)


class LocalDateTimeInput(forms.DateTimeInput):
    """The browser's own date and time picker; without one, people type 2026-05-02 19:00."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class EventSubmissionForm(HoneypotFormMixin, forms.ModelForm):
    """What a supporter tells us about the meeting or stall they organise.

    Times are read in the site's zone (UK time by default), which is what
    people at a street stall in Leeds mean when they type 11:00.
    """

    class Meta:
        model = EventSubmission
        fields = SUBMITTED_FIELDS
        widgets = {
            "kind": forms.RadioSelect,
            "start": LocalDateTimeInput,
            "end": LocalDateTimeInput,
            "address": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code"}),
            "organiser_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        labels = {"email": _("Your email address"), "organiser_name": _("Organiser (a person or group)")}
        help_texts = {
            "email": _("So we can tell you when it is listed. Never shown publicly."),
            "description": _("What it is about, who is speaking, how to find you."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = EventKind.choices
        if settings.TIME_ZONE == "Europe/London":
            zone = gettext("UK time")
        else:
            zone = gettext("%(zone)s time") % {"zone": settings.TIME_ZONE}
        # Browsers show their own date and time picker, in the visitor's own date format; only a
        # browser without one shows a plain box, where the ISO form is what Django reads.
        for name, example in [("start", "2026-05-02 19:00"), ("end", "2026-05-02 21:00")]:
            hint = gettext("Pick the date and time (%(zone)s). In a plain text box, type it like %(example)s.") % {
                "zone": zone,
                "example": example,
            }
            self.fields[name].help_text = hint
        # Keep the honeypot last, away from the fields people fill in.
        self.order_fields([name for name in self.fields if name != "website"] + ["website"])

    def _clean_single_line(self, name):
        """Collapse any line breaks a robot slipped into a one-line field (it may end up in a subject)."""
        return one_line(self.cleaned_data.get(name, ""))

    def clean_title(self):
        return self._clean_single_line("title")

    def clean_venue_name(self):
        return self._clean_single_line("venue_name")

    def clean_town(self):
        return self._clean_single_line("town")

    def clean_organiser_name(self):
        return self._clean_single_line("organiser_name")

    def clean_organiser_contact(self):
        return self._clean_single_line("organiser_contact")

    def clean_online_url(self):
        url = self.cleaned_data.get("online_url", "")
        if url and not url.lower().startswith(("https://", "http://")):
            raise forms.ValidationError(gettext("Enter a web address starting with https://"))
        return url

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        now = timezone.now()
        if start:
            if start < now:
                self.add_error("start", gettext("The start is in the past. Check the date and time."))
            elif start > now + MAX_LEAD_TIME:
                self.add_error("start", gettext("That is more than two years away. Check the year."))
        # The model checks that the end is after the start (for editors too).
        if start and end and end - start > MAX_EVENT_LENGTH:
            self.add_error("end", gettext("An activity can last at most a week. Check the dates."))
        return cleaned


def date_label(occurrence):
    return date_format(occurrence.start, "l j F Y, H:i")


class RsvpForm(HoneypotFormMixin, forms.Form):
    """ "I am coming" (or "I will help"): a name, an address for the details and the cancel link, a phone if they like.

    Updates are asked separately and unticked (core.subscriptions); a yes
    waits for the emailed link's button like any other form's. For a
    repeating event the person chooses a date (`dates`: the next ones, the
    cancelled marked, the soonest open chosen); where the event wants
    helpers they choose how they come (`roles`, the open ones); `full_of_helpers`
    holds the dates (starts) every helper's place of which is taken.
    """

    name = forms.CharField(
        max_length=120,
        label=_("Your name"),
        error_messages={"required": _("Enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        max_length=254,
        validators=[validate_fits_when_kept],  # kept lower-cased
        label=_("Your email address"),
        error_messages={"required": _("Enter your email address."), "invalid": _("Enter a valid email address.")},
        help_text=_("For the details, a reminder the day before and a link to cancel. Never shown publicly."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        max_length=30,
        required=False,
        label=_("Phone number"),
        help_text=_("Only for the organisers, if plans change on the day."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    updates = updates_field()

    def __init__(self, *args, dates=(), roles=(Rsvp.Role.ATTENDEE,), full_of_helpers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.dates = {occurrence.key: occurrence for occurrence in dates}
        self.roles, self.full_of_helpers = list(roles), set(full_of_helpers)
        # Short enough to fit a phone's select box: "Sat 26 Dec 2026, 10:00".
        held = [(key, date_format(one.start, "D j M Y, H:i")) for key, one in self.dates.items() if not one.cancelled]
        if self.dates:
            # Offered: the dates that go ahead. Accepted: any date listed (a cancelled one is refused with its reason).
            self.fields["occurrence"] = forms.ChoiceField(
                choices=[(key, key) for key in self.dates],
                initial=held[0][0] if held else None,
                label=_("Which date?"),
                error_messages={
                    "required": _("Choose a date."),
                    "invalid_choice": _("Choose one of the dates listed."),
                },
            )
            self.fields["occurrence"].widget.choices = held
        if len(self.roles) > 1:
            self.fields["role"] = forms.ChoiceField(
                choices=[(role, ROLE_LABELS[role]) for role in self.roles],
                initial=Rsvp.Role.ATTENDEE,
                widget=forms.RadioSelect,
                label=_("How are you coming?"),
                error_messages={"required": _("Choose whether you are coming or helping.")},
            )
        first = [name for name in ("occurrence", "role") if name in self.fields]
        rest = [name for name in self.fields if name not in first and name != "website"]
        self.order_fields(first + rest + ["website"])

    def clean_occurrence(self):
        """The chosen date, as an Occurrence; a cancelled one is refused with its reason, politely."""
        found = self.dates[self.cleaned_data["occurrence"]]
        if found.cancelled:
            if found.reason:
                message = gettext("%(date)s is cancelled (%(reason)s). Choose another date.")
            else:
                message = gettext("%(date)s is cancelled. Choose another date.")
            raise forms.ValidationError(message % {"date": date_label(found), "reason": found.reason}, code="cancelled")
        return found

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role") or self.roles[0]
        cleaned["role"] = role
        occurrence = cleaned.get("occurrence") if self.dates else None
        start = occurrence.start if occurrence else None
        # A helper's offer sent from a page loaded before the last helper's place went is not taken as an RSVP.
        late = self.data.get(self.add_prefix("role")) == Rsvp.Role.HELPER and Rsvp.Role.HELPER not in self.roles
        if late or (role == Rsvp.Role.HELPER and start in self.full_of_helpers):
            self.add_error("role" if "role" in self.fields else None, helpers_found_message(occurrence))
        return cleaned

    def clean_name(self):
        name = one_line(self.cleaned_data.get("name", "")).strip()
        if not name:
            raise forms.ValidationError(gettext("Enter your name."))
        return name

    def clean_phone(self):
        phone = one_line(self.cleaned_data.get("phone", "")).strip()
        if phone and not re.fullmatch(r"[0-9+()\- ]{6,30}", phone):
            raise forms.ValidationError(
                gettext("Enter a phone number in digits, spaces and + ( ) - only, or leave it empty.")
            )
        return phone


ROLE_LABELS = {Rsvp.Role.ATTENDEE: _("To take part"), Rsvp.Role.HELPER: _("To help run it")}


def helpers_found_message(occurrence=None):
    if occurrence:
        return gettext(
            "Every helper we need for %(date)s has signed up, thank you. Choose another date, or come along."
        ) % {"date": date_label(occurrence)}
    return gettext("Every helper we need has signed up, thank you. Choose another date, or come along.")


class EventFilterForm(forms.Form):
    """Filters on the events list: by kind, by town or area, by nation or region. Nonsense is ignored, never an error.

    An event with an online link can be joined from anywhere, so a town or
    region filter always keeps it.
    """

    kind = forms.ChoiceField(
        choices=[("", _("All kinds")), *EventKind.choices], required=False, label=_("Kind of event")
    )
    town = forms.CharField(
        max_length=100,
        required=False,
        label=_("Town, area or postcode"),
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    region = forms.ChoiceField(
        choices=[("", _("All nations and regions")), *UK_REGIONS], required=False, label=_("Nation or region")
    )

    FILTERS = ("kind", "town", "region")

    def value(self, name):
        """The cleaned value of one filter; an invalid one counts as not set."""
        if not self.is_bound:
            return ""
        self.is_valid()
        return self.cleaned_data.get(name) or ""

    def apply(self, events):
        kind = self.value("kind")
        town = self.value("town").strip()
        region = self.value("region")
        if kind:
            events = events.filter(kind=kind)
        if region:
            events = events.filter(Q(region=region) | ~Q(online_url=""))
        if town:
            near = Q(town__icontains=town) | Q(postcode__istartswith=town) | Q(address__icontains=town)
            events = events.filter(near | ~Q(online_url=""))
        return events

    @property
    def active(self):
        return bool(self.query_string())

    def query_string(self):
        """The active filters, for pagination links that keep them."""
        params = {name: self.value(name) for name in self.FILTERS}
        return urlencode({key: value for key, value in params.items() if value})
