"""The signing form (a person, or someone signing on behalf of an organisation) and the forms around it.

A person is asked only what signing needs: name, email, where they are (a
postcode, or a choice), and three unticked choices. Their union is asked on
the thank-you page (UnionForm), once the signature counts. Someone signing
for an organisation gives its name and type (and its union, for a union
branch); their own name and role are kept and shown only if they tick a box
of their own. Each field says which kind it is for through `shown_when`
(templates/statements/includes/sign_fields.html groups them; a small script,
static/js/statement.js, hides what does not apply; without JavaScript every
group shows under a heading saying whom it is for).
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

from core import shared_choices
from core.database_outage import DATABASE_DOWN
from core.email_addresses import validate_fits_when_kept
from core.places.lookup import find_place
from core.protection import HoneypotFormMixin
from core.queries import get_or_none
from core.regions import UK_REGIONS, Region, is_postcode, region_for_postcode
from core.shared_fields import shares_fields
from core.subscriptions import wording
from core.subscriptions.consent import updates_field

from .models.movement import OTHER_UNION, OrganisationType, Union, listed_unions
from .models.signature import Signature

# The region question's answers for someone with no UK postcode to give, or who would rather not.
NOT_SAYING = "unsaid"
NO_PLACE = _("Please give your postcode, or choose where you are (or that you’d rather not say).")
REGION_CHOICES = [
    ("", _("Choose…")),
    *UK_REGIONS,
    (Region.ABROAD, _("Not in the UK")),
    (NOT_SAYING, _("I’d rather not say")),
]


def reject_control_characters(value):
    """Any letter from any script is welcome; invisible control characters are not."""
    if any(unicodedata.category(char) in {"Cc", "Cf", "Co", "Cs"} for char in value):
        raise ValidationError(_("Please remove the unusual invisible characters from this field."))


UNKNOWN_UNION = _("Please choose a union from the list, or choose “Another union” and give its name.")


def union_choices():
    """The unions editors keep (listed ones), then "Another union": for any form that asks for a union.

    With the database down (and no copy of the list kept), only "Another union": the form can still be shown back.
    """
    try:
        unions = [(str(pk), name) for pk, name in listed_unions()]
    except DATABASE_DOWN:
        unions = []
    return [("", _("Choose…")), *unions, (OTHER_UNION, _("Another union"))]


def find_union(value):
    """The Union a union field's value names, or None for "Another union" or a union since removed."""
    return get_or_none(Union.objects, value) if value and value.isdigit() else None


def shown_when(condition):
    """A widget's attrs saying when its field applies, for statement.js: "kind=organisation", "show_contact"."""
    return {"data-shown-when": condition}


def union_other_field():
    """The name of a union not on the list, shown when "Another union" is chosen."""
    return forms.CharField(
        label=_("The union’s name"),
        required=False,
        max_length=Signature._meta.get_field("union_other").max_length,
        validators=[reject_control_characters],
        widget=forms.TextInput(attrs=shown_when(f"union={OTHER_UNION}")),
    )


class MovementFieldsMixin(forms.Form):
    """Who the signature speaks for in the movement: the kind of body, its union, and where it is.

    Kept apart from the rest of the form so other fields can join it without
    touching these. The postcode only finds the region and the constituency: it is not stored.
    """

    organisation_type = shared_choices.ChoiceField(
        label=_("Type of organisation"),
        required=False,
        choices=[("", _("Choose…")), *OrganisationType.choices],
    )
    union = shared_choices.ChoiceField(
        label=_("Its union"),
        required=False,
        choices=union_choices,  # read when the form is shown or checked, not copied into every form
        error_messages={"invalid_choice": UNKNOWN_UNION},
        help_text=_("Not on the list? Choose “Another union” and give its name."),
        widget=shared_choices.Select(attrs=shown_when(f"organisation_type={OrganisationType.UNION_BRANCH}")),
    )
    union_other = union_other_field()
    postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        max_length=10,
        help_text=_("For counts by region and constituency, where a public name is also listed. We never keep it."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "autocapitalize": "characters"}),
    )
    region = shared_choices.ChoiceField(
        label=_("No UK postcode? Where you are"), required=False, choices=REGION_CHOICES
    )

    MOVEMENT_FIELDS = ["organisation_type", "union", "union_other", "postcode", "region"]

    @classmethod
    def settle_fields(cls, fields):
        """Once, for the form class (core.shared_fields): which fields are asked for only sometimes."""
        for name in ("organisation_type", "union", "union_other"):
            fields[name].required_when = "for an organisation"  # not "(optional)": check_body asks then
        for name in ("region", "postcode"):
            fields[name].required_when = "one of the two"  # not "(optional)": check_region asks for either

    def check_movement(self, cleaned):
        """Check the movement fields together and put them in the model's form; called from clean()."""
        if cleaned.get("kind") == Signature.Kind.ORGANISATION:
            self.check_body(cleaned)
        else:
            cleaned.update(organisation_type="", union=None, union_other="")
        self.check_region(cleaned)
        self.check_constituency(cleaned)

    def check_body(self, cleaned):
        kind_of_body = cleaned.get("organisation_type")
        if not kind_of_body and "organisation_type" not in self.errors:
            self.add_error("organisation_type", _("Please choose the type of organisation, or “Other organisation”."))
        union, other = check_union(self, cleaned, required=kind_of_body == OrganisationType.UNION_BRANCH)
        cleaned["union"], cleaned["union_other"] = union, other

    def check_region(self, cleaned):
        postcode, region = cleaned.get("postcode", ""), cleaned.get("region")
        if region == NOT_SAYING:
            cleaned["region"] = ""
        elif region:
            return
        elif postcode and not is_postcode(postcode):
            self.add_error("postcode", _("Please check the postcode (for example LS6 2AB), or choose where you are."))
        elif postcode and region_for_postcode(postcode) is None:
            self.add_error("postcode", _("We cannot place that postcode in a UK nation or region: please choose one."))
        elif postcode:
            cleaned["region"] = region_for_postcode(postcode)
        elif "region" not in self.errors:
            self.add_error("region", NO_PLACE)

    def check_constituency(self, cleaned):
        """The constituency of a full postcode found in the imported lookup (core.places), else none."""
        postcode = cleaned.get("postcode", "")
        place = find_place(postcode) if postcode and "postcode" not in self.errors else None
        cleaned["constituency"] = place.constituency if place else ""


def check_union(form, cleaned, required):
    """(Union or None, other union's name) from a form's union fields; errors added to `form`.

    Not `required` (an organisation that is no union branch): both empty, whatever was chosen.
    """
    union, other = cleaned.get("union"), cleaned.get("union_other", "").strip()
    if not required:
        return None, ""
    if not union and "union" not in form.errors:
        form.add_error("union", _("Please choose the union, or “Another union” and give its name."))
    elif union == OTHER_UNION and not other:
        form.add_error("union_other", _("Please give the union’s name."))
    if union and union != OTHER_UNION:
        other = ""
    found = find_union(union)
    if union and union != OTHER_UNION and found is None:  # removed since the page was shown
        form.add_error("union", UNKNOWN_UNION)
    return found, other


PERSON_ONLY = shown_when(f"kind={Signature.Kind.PERSON}")
CONTACT_ONLY = shown_when("show_contact")
# What a source code may be (`?src=`): short, lower-case letters, digits and dashes.
SOURCE_CODE = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")


@shares_fields
class SignatureForm(MovementFieldsMixin, HoneypotFormMixin, forms.ModelForm):
    """Signing: a person sees eight questions; someone signing for an organisation sees only what its type needs.

    Nothing is ticked for anyone: not the public list, not updates, not an organisation contact's own name.
    Built on every signing, so its forms share their fields (core.shared_fields): `settle_fields`, not
    `__init__`, changes the fields the model gives, and a view changing one for a form takes `own_field`.
    """

    kind = shared_choices.ChoiceField(
        label=_("I am signing as"),
        choices=Signature.Kind.choices,
        initial=Signature.Kind.PERSON,
        widget=shared_choices.RadioSelect,
    )
    keep_informed = updates_field()  # asked separately, unticked; the words shown are recorded on save
    show_contact = forms.BooleanField(
        label=_("Also show my own name and role beside the organisation’s"),
        required=False,
        help_text=_(
            "Only if you tick this do we keep your name and role; we always keep your email address, privately."
        ),
    )
    contact_name = forms.CharField(
        label=_("Your own name"),
        required=False,
        max_length=Signature._meta.get_field("name").max_length,
        validators=[reject_control_characters],
        widget=forms.TextInput(attrs={"autocomplete": "name", **CONTACT_ONLY}),
    )
    # The source code of the link the signer came by, filled in from the page's address (`?src=`).
    src = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)

    class Meta:
        model = Signature
        fields = [
            "kind",
            "name",
            "organisation",
            "role",
            "email",
            "show_publicly",
            "keep_informed",
            "introduce_me",
            *(name for name in MovementFieldsMixin.MOVEMENT_FIELDS if name != "postcode"),  # not kept
        ]
        labels = {
            "name": _("Your name"),
            "organisation": _("Organisation name"),
            "role": _("Your role in the organisation"),
            "email": _("Email address"),
            "show_publicly": _("Show my name on the public list of signatories"),
            "introduce_me": _("Introduce me to other supporters in my constituency or union branch"),
        }
        help_texts = {
            "organisation": _("For example: Anytown Trades Union Council."),
            "role": _("For example: Branch Secretary."),
            "email": _("We send you a link to confirm your signature. It is never shown publicly."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name", **PERSON_ONLY}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "role": forms.TextInput(attrs={"autocomplete": "organization-title", **CONTACT_ONLY}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            # The script says "our organisation’s name" when an organisation is chosen.
            "show_publicly": forms.CheckboxInput(
                attrs={"data-label-organisation": _("Show our organisation’s name on the public list of signatories")}
            ),
        }

    # The fields of each group of the form, in order (templates/statements/includes/sign_fields.html).
    PERSON_FIELDS = ["name"]
    ORGANISATION_FIELDS = ["organisation", "organisation_type", "union", "union_other"]
    SHARED_FIELDS = ["email", "postcode", "region", "show_publicly"]
    CONTACT_FIELDS = ["show_contact", "contact_name", "role"]

    # The error summary's order, as the groups show them.
    field_order = [
        "kind",
        *PERSON_FIELDS,
        *ORGANISATION_FIELDS,
        *SHARED_FIELDS,
        *CONTACT_FIELDS,
        "keep_informed",
        "introduce_me",
    ]

    def group(self, names):
        return [self[name] for name in names]

    @property
    def person_group(self):
        return self.group(self.PERSON_FIELDS)

    @property
    def organisation_group(self):
        return self.group(self.ORGANISATION_FIELDS)

    @property
    def shared_group(self):
        return self.group(self.SHARED_FIELDS)

    @property
    def contact_group(self):
        return self.group(self.CONTACT_FIELDS)

    @classmethod
    def settle_fields(cls, fields):
        super().settle_fields(fields)
        fields["email"].required = True
        fields["email"].validators.append(validate_fits_when_kept)  # kept lower-cased in email_normalised
        for name in ("name", "organisation", "role"):
            fields[name].validators.append(reject_control_characters)
        fields["name"].required = False  # clean() asks a person for it
        fields["name"].required_when = "for a person"
        fields["organisation"].required_when = "for an organisation"
        fields["contact_name"].required_when = "if you tick the box"
        fields["show_publicly"].initial = False  # never ticked for anyone, whatever the model's default

    def _post_clean(self):
        """Build the signature from the checked fields, without Django's second check of it against the model.

        Every field here is the model's own or a narrower one (the same lengths, a subset of its choices),
        so the model's checks have already run on what it holds; its one rule beyond them (an address
        signs a statement once) is the database's, which signing.record meets. Signing is the busiest POST
        in a surge: the second check cost about 35 µs of CPU on each.
        """
        self.instance = construct_instance(self, self.instance, self._meta.fields, self._meta.exclude)

    def save(self, commit=True):
        """Record the words the signer ticked (core.subscriptions.wording), their constituency and source."""
        self.instance.keep_informed_wording = wording.CURRENT if self.cleaned_data.get("keep_informed") else ""
        self.instance.constituency = self.cleaned_data.get("constituency", "")
        self.instance.referral_code = self.cleaned_data.get("src", "")
        return super().save(commit)

    def clean_src(self):
        """A well-formed source code, or none: a mangled link still signs, it only credits no one."""
        code = self.cleaned_data["src"].strip().lower()
        return code if SOURCE_CODE.fullmatch(code) else ""

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_contact_name(self):
        return " ".join(self.cleaned_data["contact_name"].split())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Signature.Kind.ORGANISATION:
            self.check_organisation(cleaned)
        elif cleaned.get("kind") == Signature.Kind.PERSON:
            if not cleaned.get("name") and "name" not in self.errors:
                self.add_error("name", _("Please give your name."))
            cleaned.update(organisation="", role="", show_contact=False, contact_name="")
        self.check_movement(cleaned)
        return cleaned

    def check_organisation(self, cleaned):
        """An organisation's name; its contact's own name and role only when they ticked to show them."""
        if not cleaned.get("organisation") and "organisation" not in self.errors:
            self.add_error("organisation", _("Please give the name of the organisation you are signing for."))
        if not cleaned.get("show_contact"):
            cleaned.update(name="", role="", contact_name="")  # not kept: nothing of theirs to show or hold
            return
        if not cleaned.get("contact_name") and "contact_name" not in self.errors:
            self.add_error("contact_name", _("Please give your name, or untick “Also show my own name”."))
        cleaned["name"] = cleaned.get("contact_name", "")


class UnionForm(forms.Form):
    """The thank-you page's one question: a person's union, counted where support comes from."""

    union = forms.ChoiceField(
        label=_("Your union"),
        choices=union_choices,
        error_messages={"invalid_choice": UNKNOWN_UNION, "required": _("Please choose your union from the list.")},
        help_text=_("Not on the list? Choose “Another union” and give its name."),
    )
    union_other = union_other_field()

    def clean(self):
        cleaned = super().clean()
        cleaned["union"], cleaned["union_other"] = check_union(self, cleaned, required=True)
        return cleaned


class CorrectAddressForm(HoneypotFormMixin):
    """The address someone meant to type, when the one they signed with was wrong."""

    email = forms.EmailField(
        label=_("The right email address"),
        max_length=254,
        validators=[validate_fits_when_kept],
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ChangeSignatureForm(HoneypotFormMixin):
    """The address someone signed with, to send it a fresh link to withdraw the signature."""

    email = forms.EmailField(
        label=_("The email address you signed with"),
        max_length=254,
        help_text=_("If it has signed, we email it a link to withdraw the signature."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
