"""The signing form: a person, or someone signing on behalf of an organisation."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError

from core.protection import HoneypotFormMixin

from .models.signature import Signature


def reject_control_characters(value):
    """Any letter from any script is welcome; invisible control characters are not."""
    if any(unicodedata.category(char) in {"Cc", "Cf", "Co", "Cs"} for char in value):
        raise ValidationError("Please remove the unusual invisible characters from this field.")


class SignatureForm(HoneypotFormMixin, forms.ModelForm):
    kind = forms.ChoiceField(
        label="I am signing as",
        choices=Signature.Kind.choices,
        initial=Signature.Kind.PERSON,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Signature
        fields = ["kind", "name", "organisation", "role", "email", "town", "show_publicly", "keep_informed"]
        labels = {
            "name": "Your name",
            "organisation": "Organisation, union or branch",
            "role": "Your role in the organisation",
            "email": "Email address",
            "town": "Town or area",
            "show_publicly": "Show my name (and my organisation’s) on the list of signatories",
            "keep_informed": "Keep me informed about the campaign by email",
        }
        help_texts = {
            "organisation": "Required when signing for an organisation. Otherwise optional: shown beside your name.",
            "role": "For example: Branch Secretary. Only when signing for an organisation.",
            "email": "We send you a link to confirm your signature. It is never shown publicly.",
            "town": "Optional. For example: Leeds, or South London.",
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "town": forms.TextInput(attrs={"autocomplete": "address-level2"}),
        }

    field_order = ["kind", "name", "organisation", "role", "email", "town", "show_publicly", "keep_informed"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        for name in ("name", "organisation", "role", "town"):
            self.fields[name].validators.append(reject_control_characters)

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Signature.Kind.ORGANISATION and not cleaned.get("organisation"):
            self.add_error("organisation", "Please give the name of the organisation you are signing for.")
        if cleaned.get("kind") == Signature.Kind.PERSON:
            cleaned["role"] = ""
        return cleaned
