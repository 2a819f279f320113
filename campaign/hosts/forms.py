"""The host's forms: a message to everyone coming, a new time or place, cancelling, who came, paper, a co-host.

Every one is validated here, never by the browser alone, and every error is said in words a first-time
host understands. The "send me a new link" form is the one anyone can fill in (with a honeypot).
"""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from campaign.events.forms import MAX_EVENT_LENGTH, LocalDateTimeInput
from campaign.events.models import EventPage
from core.email_addresses import validate_fits_when_kept
from core.protection import HoneypotFormMixin
from core.text import one_line

from .event_changes import CHANGEABLE


class MessageForm(forms.Form):
    subject = forms.CharField(
        max_length=120,
        help_text=_("A few words, such as “The room has changed”."),
        error_messages={"required": _("Write a few words for the subject.")},
    )
    body = forms.CharField(
        label=_("Message"),
        max_length=3000,
        error_messages={"required": _("Write the message you want to send.")},
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text. We add the event's details and each person's own links below it."),
    )

    def clean_subject(self):
        return one_line(self.cleaned_data["subject"])

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write the message you want to send."))
        return body


class TimeOrPlaceForm(forms.ModelForm):
    """The event's time and place; everyone coming is emailed the new details when it is saved."""

    class Meta:
        model = EventPage
        fields = CHANGEABLE
        widgets = {
            "start": LocalDateTimeInput,
            "end": LocalDateTimeInput,
            "address": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if settings.TIME_ZONE == "Europe/London":
            zone = gettext("UK time")
        else:
            zone = gettext("%(zone)s time") % {"zone": settings.TIME_ZONE}
        for name in ["start", "end"]:
            self.fields[name].help_text = gettext(
                "Pick the date and time (%(zone)s). In a plain text box: 2026-05-02 19:00."
            ) % {"zone": zone}

    def clean_venue_name(self):
        return one_line(self.cleaned_data["venue_name"])

    def clean_town(self):
        return one_line(self.cleaned_data["town"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and start < timezone.now():
            self.add_error("start", gettext("The start is in the past. Check the date and time."))
        if start and end and end <= start:
            self.add_error("end", gettext("The end must be after the start."))
        elif start and end and end - start > MAX_EVENT_LENGTH:
            self.add_error("end", gettext("An activity can last at most a week. Check the dates."))
        return cleaned

    def _post_clean(self):
        """Only the fields above are checked here; the page as a whole is Wagtail's to save."""


class CancelForm(forms.Form):
    sure = forms.BooleanField(
        label=_("Yes, cancel it and tell everyone coming"),
        error_messages={"required": _("Tick the box to cancel it.")},
    )
    reason = forms.CharField(
        label=_("Why (for the organisers)"), max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AttendanceForm(forms.Form):
    """One tick box per person going; unticked means they did not come."""

    came = forms.MultipleChoiceField(
        label=_("Who came"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick everyone who came."),
    )

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        removed = gettext("(name removed after the event)")
        self.fields["came"].choices = [(str(rsvp.pk), rsvp.name or removed) for rsvp in people]
        self.initial.setdefault("came", [str(rsvp.pk) for rsvp in people if rsvp.attended])


class PaperForm(forms.Form):
    signatures = forms.IntegerField(
        label=_("How many signed on paper"),
        min_value=0,
        max_value=10_000,
        error_messages={"invalid": _("Type a number, such as 25.")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    note = forms.CharField(
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For the organisers: where the sheets are, or anything else they should know."),
    )


class CoHostForm(forms.Form):
    name = forms.CharField(label=_("Their name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "off"}))
    email = forms.EmailField(
        label=_("Their email address"),
        max_length=254,
        validators=[validate_fits_when_kept],
        error_messages={"invalid": _("That does not look like an email address. Check it, like name@example.org.")},
        help_text=_("We email them their own private link. You can both manage this event."),
    )

    def clean_name(self):
        return one_line(self.cleaned_data["name"])


class NewLinkForm(HoneypotFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={"invalid": _("That does not look like an email address. Check it, like name@example.org.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
