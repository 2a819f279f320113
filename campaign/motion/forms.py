"""Forms on the motion page: inviting a speaker, and naming the branch for the motion download."""

import re

from django import forms

from core.protection import HoneypotFormMixin
from core.text import one_line

from .models.speakers import SPEAKER_REQUEST_FIELDS, SpeakerRequest


class SpeakerRequestForm(HoneypotFormMixin, forms.ModelForm):
    audience_size = forms.IntegerField(
        label="Expected audience",
        required=False,
        min_value=1,
        max_value=100_000,
        help_text="Roughly how many people.",
        widget=forms.NumberInput(attrs={"min": 1, "max": 100_000, "inputmode": "numeric"}),
    )

    class Meta:
        model = SpeakerRequest
        fields = SPEAKER_REQUEST_FIELDS
        labels = {"organisation": "Organisation or union", "contact_name": "Your name", "email": "Your email"}
        help_texts = {
            "proposed_dates": "For example: Tuesday 12 May at 7pm, or any evening in the week of 18 May.",
            "place": "The address, or the online platform you use.",
        }
        widgets = {
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "format": forms.RadioSelect,
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        if phone and not re.fullmatch(r"[0-9+() .\-]{6,40}", phone):
            raise forms.ValidationError("Please give a phone number using digits, spaces and + only.")
        return phone


class MotionDownloadForm(forms.Form):
    """The branch name for the motion download (one printable line, never markup) and the file's format.

    The format comes from the button pressed (Word, PDF or text); a link
    without one, as the form gave before there were three, gets text.
    """

    FORMATS = (("docx", "Word"), ("pdf", "PDF"), ("txt", "text"))

    name = forms.CharField(
        label="Your branch or organisation",
        max_length=120,
        required=False,
        help_text="We put it into the motion for you, for example “Leeds Central Unison branch”.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )

    format = forms.ChoiceField(choices=FORMATS, required=False)

    def clean_name(self):
        return one_line(self.cleaned_data.get("name", ""))

    def clean_format(self):
        return self.cleaned_data.get("format") or "txt"
