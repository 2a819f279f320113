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

from core.database_outage import DATABASE_DOWN
from core.email_addresses import validate_fits_when_kept
from core.protection import HoneypotFormMixin
from core.queries import by_pk
from core.regions import Region, is_postcode, region_for_postcode
from core.subscriptions import wording
from core.subscriptions.consent import updates_field

from .models.movement import OTHER_UNION, OrganisationType, Union, listed_unions
from .models.signature import Signature

FOR_ORGANISATIONS = "(when signing for an organisation)"


def reject_control_characters(value):
    """Any letter from any script is welcome; invisible control characters are not."""
    if any(unicodedata.category(char) in {"Cc", "Cf", "Co", "Cs"} for char in value):
        raise ValidationError("Please remove the unusual invisible characters from this field.")


UNKNOWN_UNION = "Please choose a union from the list, or choose “Another union” and give its name."


def union_choices():
    """The unions editors keep (listed ones), then "Another union": for any form that asks for a union.

    With the database down (and no copy of the list kept), only "Another union": the form can still be shown back.
    """
    try:
        unions = [(str(pk), name) for pk, name in listed_unions()]
    except DATABASE_DOWN:
        unions = []
    return [("", "Choose…"), *unions, (OTHER_UNION, "Another union")]


def find_union(value):
    """The Union a union field's value names, or None for "Another union" or a union since removed."""
    return by_pk(Union.objects, value) if value and value.isdigit() else None


class MovementFieldsMixin(forms.Form):
    """Who the signature speaks for in the movement: the kind of body, its union, and where it is.

    Kept apart from the rest of the form so other fields can join it without
    touching these. The postcode only finds the region: it is not stored.
    """

    organisation_type = forms.ChoiceField(
        label=f"Type of organisation {FOR_ORGANISATIONS}",
        required=False,
        choices=[("", "Choose…"), *OrganisationType.choices],
        widget=forms.Select(attrs={"data-for": Signature.Kind.ORGANISATION}),
    )
    union = forms.ChoiceField(
        label=f"Its union {FOR_ORGANISATIONS}",
        required=False,
        choices=union_choices,  # read when the form is shown or checked, not copied into every form
        error_messages={"invalid_choice": UNKNOWN_UNION},
        help_text="For a union branch or union body. Not on the list? Choose “Another union” and give its name.",
        widget=forms.Select(attrs={"data-for": Signature.Kind.ORGANISATION}),
    )
    union_other = forms.CharField(
        label=f"The other union’s name {FOR_ORGANISATIONS}",
        required=False,
        max_length=Signature._meta.get_field("union_other").max_length,
        validators=[reject_control_characters],
        widget=forms.TextInput(attrs={"data-for": Signature.Kind.ORGANISATION}),
    )
    region = forms.ChoiceField(
        label="Nation or region",
        required=False,
        choices=[("", "Choose…"), *Region.choices],
        help_text="We show how far the statement has spread. Or leave this and give your postcode below.",
    )
    postcode = forms.CharField(
        label="Or your postcode",
        required=False,
        max_length=10,
        help_text="Only to find your region: we do not keep it. The first half is enough, for example LS6.",
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "autocapitalize": "characters"}),
    )

    MOVEMENT_FIELDS = ["organisation_type", "union", "union_other", "region", "postcode"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("organisation_type", "union", "union_other"):
            self.fields[name].required_when = FOR_ORGANISATIONS
        for name in ("region", "postcode"):
            self.fields[name].required_when = "one of the two"  # not "(optional)": check_region asks for either

    def check_movement(self, cleaned):
        """Check the movement fields together and put them in the model's form; called from clean()."""
        if cleaned.get("kind") == Signature.Kind.ORGANISATION:
            self.check_body(cleaned)
        else:
            cleaned.update(organisation_type="", union=None, union_other="")
        self.check_region(cleaned)

    def check_body(self, cleaned):
        kind_of_body = cleaned.get("organisation_type")
        if not kind_of_body and "organisation_type" not in self.errors:
            self.add_error("organisation_type", "Please choose the type of organisation, or “Other organisation”.")
        union, other = cleaned.get("union"), cleaned.get("union_other", "").strip()
        if kind_of_body != OrganisationType.UNION_BRANCH:
            union, other = "", ""
        elif not union and "union" not in self.errors:
            self.add_error("union", "Please choose the union, or “Another union” and give its name.")
        elif union == OTHER_UNION and not other:
            self.add_error("union_other", "Please give the union’s name.")
        if union and union != OTHER_UNION:
            other = ""
        cleaned["union"] = find_union(union)
        if union and union != OTHER_UNION and cleaned["union"] is None:  # removed since the page was shown
            self.add_error("union", UNKNOWN_UNION)
        cleaned["union_other"] = other

    def check_region(self, cleaned):
        postcode = cleaned.get("postcode", "")
        if cleaned.get("region"):
            return
        if postcode and not is_postcode(postcode):
            self.add_error("postcode", "Please check the postcode (for example LS6 2AB), or choose your region.")
        elif postcode and region_for_postcode(postcode) is None:
            self.add_error("postcode", "We cannot place that postcode in a UK nation or region: please choose one.")
        elif postcode:
            cleaned["region"] = region_for_postcode(postcode)
        elif "region" not in self.errors:
            self.add_error("region", "Please choose your nation or region, or give your postcode.")


class SignatureForm(MovementFieldsMixin, HoneypotFormMixin, forms.ModelForm):
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
        fields = [
            "kind",
            "name",
            "organisation",
            "role",
            "email",
            "town",
            "show_publicly",
            "keep_informed",
            *MovementFieldsMixin.MOVEMENT_FIELDS[:-1],
        ]
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
        "organisation_type",
        "union",
        "union_other",
        "role",
        "affiliation",
        "email",
        "town",
        "region",
        "postcode",
        "show_publicly",
        "keep_informed",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].validators.append(validate_fits_when_kept)  # kept lower-cased in email_normalised
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
        self.check_movement(cleaned)
        return cleaned


class ChangeSignatureForm(HoneypotFormMixin):
    """The address someone signed with, to send it a fresh link to withdraw the signature."""

    email = forms.EmailField(
        label="The email address you signed with",
        max_length=254,
        help_text="If it has signed, we email it a link to withdraw the signature.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
