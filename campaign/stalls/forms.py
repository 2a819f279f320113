"""The stall's sign form (one person at a time), the short-code form, and the organisers' forms."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from core.email_addresses import validate_fits_when_kept
from core.protection import HoneypotFormMixin
from core.subscriptions.consent import updates_field
from statements.admin_views import BatchImportForm
from statements.forms import reject_control_characters

from .models import CODE_LENGTH, Stall, normalise_code

# A device is a shared one: its browser must not offer the last person's name or address to the next.
NOT_REMEMBERED = {"autocomplete": "off", "autocapitalize": "words", "spellcheck": "false"}


class StallSignForm(HoneypotFormMixin):
    """A person signing at a stall: a name, and only what they choose to add.

    Each consent starts unticked for every person. `entry` is the id made for
    this one signing (by the device's script, or by the server in the page
    for a form sent without JavaScript), so sending it twice counts once.
    """

    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        validators=[reject_control_characters],
        widget=forms.TextInput(attrs=NOT_REMEMBERED),
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        max_length=254,
        validators=[validate_fits_when_kept],
        help_text=_("We email you a thank-you with a link to withdraw your signature. Never shown publicly."),
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    town = forms.CharField(
        label=_("Town or area"),
        required=False,
        max_length=80,
        validators=[reject_control_characters],
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    show_publicly = forms.BooleanField(label=_("Show my name on the public list of signatories"), required=False)
    keep_informed = updates_field()
    entry = forms.UUIDField(widget=forms.HiddenInput, required=False)

    field_order = ["name", "email", "town", "show_publicly", "keep_informed", "entry"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"entry": uuid.uuid4()})
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please give your name."))
        return name

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("keep_informed") and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", _("Give an email address so we can keep you informed, or untick that box."))
        return cleaned


class CodeForm(HoneypotFormMixin):
    code = forms.CharField(
        label=_("Stall code"),
        max_length=CODE_LENGTH * 2,
        help_text=_("The eight letters and numbers the organiser gave you, for example ABCD-EFGH."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        stall = Stall.objects.filter(code=code).select_related("event").first() if len(code) == CODE_LENGTH else None
        if stall is None:
            raise forms.ValidationError(_("That code does not match a stall. Check it with the organiser."))
        self.stall = stall
        return code


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=200,
        help_text=_("Shown on the stall's device, for example: the tablet was lost."),
    )


class EventImportForm(BatchImportForm):
    """The paper import, with the event whose sheets these are (and their batch code, if printed with one)."""

    event = forms.ModelChoiceField(
        queryset=Stall._meta.get_field("event").related_model.objects.order_by("-start"),
        label=_("Event"),
        help_text=_("The event where these sheets were signed: its total shows under Stalls → Totals by event."),
    )

    field_order = ["page", "event", "source", "file", "batch_code"]
