"""The signing form (a person, or someone signing on behalf of an organisation) and the "send me a link" form.

A person may name their union or branch for identification only; someone
signing for an organisation gives its name and their role in it. Both end
up in Signature.organisation, so the form keeps them as two fields with two
honest labels: a small script (static/js/statement.js) shows the ones for the
kind chosen, and without JavaScript all of them show, each saying when it applies.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError

from core.protection import HoneypotFormMixin
from core.subscriptions import wording
from core.subscriptions.consent import updates_field

from .models.signature import Signature

FOR_ORGANISATIONS = "(when signing for an organisation)"


def reject_control_characters(value):
    """Any letter from any script is welcome; invisible control characters are not."""
    if any(unicodedata.category(char) in {"Cc", "Cf", "Co", "Cs"} for char in value):
        raise ValidationError("Please remove the unusual invisible characters from this field.")


class SignatureForm(HoneypotFormMixin, forms.ModelForm):
    keep_informed = updates_field()  # asked separately, unticked; the words shown are recorded on save
    kind = forms.ChoiceField(
        label="I am signing as",
        choices=Signature.Kind.choices,
        initial=Signature.Kind.PERSON,
        widget=forms.RadioSelect,
    )
    affiliation = forms.CharField(
        label="Your union or branch, for identification only",
        required=False,
        max_length=Signature._meta.get_field("organisation").max_length,
        help_text="For example: UCU Sheffield. Shown beside your name; they do not sign.",
        widget=forms.TextInput(attrs={"autocomplete": "organization", "data-for": Signature.Kind.PERSON}),
    )

    class Meta:
        model = Signature
        fields = ["kind", "name", "organisation", "role", "email", "town", "show_publicly", "keep_informed"]
        labels = {
            "name": "Your name",
            "organisation": f"Organisation name {FOR_ORGANISATIONS}",
            "role": f"Your role in the organisation {FOR_ORGANISATIONS}",
            "email": "Email address",
            "town": "Town or area",
            "show_publicly": "Show my name (or our organisation’s) on the public list of signatories",
        }
        help_texts = {
            "organisation": "For example: Anytown Trades Union Council.",
            "role": "For example: Branch Secretary.",
            "email": "We send you a link to confirm your signature. It is never shown publicly.",
            "town": "For example: Leeds, or South London.",
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(
                attrs={"autocomplete": "organization", "data-for": Signature.Kind.ORGANISATION}
            ),
            "role": forms.TextInput(
                attrs={"autocomplete": "organization-title", "data-for": Signature.Kind.ORGANISATION}
            ),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "town": forms.TextInput(attrs={"autocomplete": "address-level2"}),
        }

    field_order = [
        "kind",
        "name",
        "organisation",
        "role",
        "affiliation",
        "email",
        "town",
        "show_publicly",
        "keep_informed",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        for name in ("name", "organisation", "role", "affiliation", "town"):
            self.fields[name].validators.append(reject_control_characters)
        for name in ("organisation", "role"):
            self.fields[name].required_when = FOR_ORGANISATIONS  # not "(optional)": clean() requires them then
        if self.is_bound and self.data.get("kind") == Signature.Kind.ORGANISATION and "show_publicly" not in self.data:
            # Shown again after a mistake, without the script that ticks it: organisations sign to be seen,
            # so the box is ticked for them (still only their own press of "Sign" lists them).
            self.fields["show_publicly"].widget.attrs["checked"] = True

    def save(self, commit=True):
        """Record which words the signer ticked, beside the tick (core.subscriptions.wording)."""
        self.instance.keep_informed_wording = wording.CURRENT if self.cleaned_data.get("keep_informed") else ""
        return super().save(commit)

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Signature.Kind.ORGANISATION:
            if not cleaned.get("organisation") and "organisation" not in self.errors:
                self.add_error("organisation", "Please give the name of the organisation you are signing for.")
            if not cleaned.get("role") and "role" not in self.errors:
                self.add_error("role", "Please give your role in the organisation, for example Branch Secretary.")
        elif cleaned.get("kind") == Signature.Kind.PERSON:
            cleaned["organisation"] = cleaned.get("affiliation", "")
            cleaned["role"] = ""
        return cleaned


class ChangeSignatureForm(HoneypotFormMixin):
    """The address someone signed with, to send it a fresh link to withdraw the signature."""

    email = forms.EmailField(
        label="The email address you signed with",
        max_length=254,
        help_text="If it has signed, we email it a link to withdraw the signature.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
