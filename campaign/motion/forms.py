"""Forms on the motion page: inviting a speaker, naming the branch for the download, and the motion tracker."""

import re

from django import forms
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from core.places.lookup import find_place
from core.protection import HoneypotFormMixin
from core.regions import Region, is_postcode
from core.text import one_line
from statements.forms import UNKNOWN_UNION, find_union, reject_control_characters, union_choices
from statements.models.movement import OTHER_UNION, OrganisationType

from .models.reports import POSTPONED, MotionReport, normalise_body
from .models.speakers import SPEAKER_REQUEST_FIELDS, SpeakerRequest


def translated(choices):
    """A model's choices with their labels in the visitor's language (the labels are the catalogue's msgids)."""
    return [(value, gettext_lazy(label) if isinstance(label, str) and label else label) for value, label in choices]


class SpeakerRequestForm(HoneypotFormMixin, forms.ModelForm):
    audience_size = forms.IntegerField(
        label=_("Expected audience"),
        required=False,
        min_value=1,
        max_value=100_000,
        help_text=_("Roughly how many people."),
        widget=forms.NumberInput(attrs={"min": 1, "max": 100_000, "inputmode": "numeric"}),
    )

    class Meta:
        model = SpeakerRequest
        fields = SPEAKER_REQUEST_FIELDS
        labels = {
            "organisation": _("Organisation or union"),
            "branch": _("Branch or group"),
            "contact_name": _("Your name"),
            "email": _("Your email"),
            "phone": _("Phone"),
            "proposed_dates": _("Proposed date or dates"),
            "format": _("In person or online"),
            "place": _("Place"),
            "notes": _("Notes"),
        }
        help_texts = {
            "proposed_dates": _("For example: Tuesday 12 May at 7pm, or any evening in the week of 18 May."),
            "place": _("The address, or the online platform you use."),
        }
        widgets = {
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "format": forms.RadioSelect,
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = translated(self.fields["format"].choices)

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        if phone and not re.fullmatch(r"[0-9+() .\-]{6,40}", phone):
            raise forms.ValidationError(_("Please give a phone number using digits, spaces and + only."))
        return phone


class MotionDownloadForm(forms.Form):
    """The branch name for the motion download (one printable line, never markup) and the file's format.

    The format comes from the button pressed (Word, PDF or text); a link
    without one, as the form gave before there were three, gets text.
    """

    FORMATS = (("docx", "Word"), ("pdf", "PDF"), ("txt", _("text")))

    name = forms.CharField(
        label=_("Your branch or organisation"),
        max_length=120,
        required=False,
        help_text=_("We put it into the motion for you, for example “Leeds Central Unison branch”."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )

    format = forms.ChoiceField(choices=FORMATS, required=False)

    def clean_name(self):
        return one_line(self.cleaned_data.get("name", ""))

    def clean_format(self):
        return self.cleaned_data.get("format") or "txt"


class MotionReportForm(HoneypotFormMixin, forms.ModelForm):
    """Where the motion stands in a named body: "tabled for (a date)", or how its meeting went.

    A tabled meeting is today or later; an outcome is for a meeting that has
    happened. A body already verified as having passed the motion is not
    reported again (the list has it): the form says so instead.
    """

    union = forms.ChoiceField(
        label=_("Its union (for a union branch or union body)"),
        required=False,
        choices=union_choices,
        error_messages={"invalid_choice": UNKNOWN_UNION},
        help_text=_("Not on the list? Choose “Another union” and give its name."),
    )
    postcode = forms.CharField(
        label=_("Postcode where the body meets"),
        required=False,
        max_length=10,
        help_text=_("Only to find its constituency, so supporters there can see it: we do not keep the postcode."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    meeting_date = forms.DateField(
        label=_("Date of the meeting"),
        help_text=_("For example 14/05/2027."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Please give the meeting’s date, for example 14/05/2027.")},
    )

    class Meta:
        model = MotionReport
        fields = ["body_name", "body_type", "union", "union_other", "region", "postcode", "status", "meeting_date"]
        fields += ["reporter_role", "email", "deadline_reminders"]
        labels = {
            "deadline_reminders": _(
                "Once it has passed, email me before the deadlines for motions and for amendments "
                "to each conference this body can send it to (once per deadline). I can stop them with one click."
            ),
            "body_name": _("Name of the branch or body"),
            "body_type": _("Type of body"),
            "region": _("Nation or region"),
            "union_other": _("The other union’s name (when you chose “Another union”)"),
            "status": _("Where the motion stands"),
            "reporter_role": _("Your role in the body"),
            "email": _("Your email"),
        }
        help_texts = {
            "deadline_reminders": _(
                "The reporter asked for a reminder before each conference deadline that applies to the body."
            ),
            "body_name": _("For example: Leeds Central Unison branch."),
            "reporter_role": _("For example: Branch Secretary, or member."),
            "email": _(
                "We send you a link to confirm the report, and after the meeting ask how it went. It is never shown."
            ),
        }
        widgets = {
            "body_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "status": forms.RadioSelect,
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body_type"].choices = [("", _("Choose…")), *OrganisationType.choices]
        self.fields["region"].choices = [("", _("Choose…")), *Region.choices]
        self.fields["status"].choices = translated(self.fields["status"].choices)
        for name in ("union", "union_other"):
            self.fields[name].required_when = True  # their labels say when (not "optional": clean() asks then)
        for name in ("body_name", "union_other", "reporter_role"):
            self.fields[name].validators.append(reject_control_characters)
        self.fields["body_type"].error_messages["required"] = _("Please choose the type of body.")
        self.fields["region"].error_messages["required"] = _("Please choose the body’s nation or region.")
        self.fields["status"].error_messages["required"] = _("Please say where the motion stands.")
        required = {
            "body_name": _("Please give the name of the branch or body."),
            "meeting_date": _("Please give the date of the meeting."),
            "reporter_role": _("Please give your role in the body, for example Branch Secretary or member."),
            "email": _("Please give your email, so you can confirm the report."),
        }
        for name, message in required.items():
            self.fields[name].error_messages["required"] = message

    def clean_body_name(self):
        return one_line(self.cleaned_data["body_name"])

    def clean_postcode(self):
        postcode = self.cleaned_data.get("postcode", "").strip()
        if postcode and not is_postcode(postcode):
            raise forms.ValidationError(_("Please check the postcode (for example LS6 2AB), or leave it empty."))
        return postcode

    def clean(self):
        cleaned = super().clean()
        self.check_union(cleaned)
        self.check_date(cleaned)
        self.check_not_already_passed(cleaned)
        return cleaned

    def save(self, commit=True):
        """The postcode's constituency (core.places), when the lookup has it; the postcode itself is not kept."""
        place = find_place(self.cleaned_data.get("postcode", ""))
        self.instance.constituency = place.constituency if place else ""
        return super().save(commit)

    def check_union(self, cleaned):
        union, other = cleaned.get("union", ""), cleaned.get("union_other", "").strip()
        if cleaned.get("body_type") != OrganisationType.UNION_BRANCH:
            union, other = "", ""
        elif not union and "union" not in self.errors:
            self.add_error("union", _("Please choose the union, or “Another union” and give its name."))
        elif union == OTHER_UNION and not other:
            self.add_error("union_other", _("Please give the union’s name."))
        cleaned["union"] = find_union(union)
        cleaned["union_other"] = other if union == OTHER_UNION else ""
        if union and union != OTHER_UNION and cleaned["union"] is None:
            self.add_error("union", UNKNOWN_UNION)

    def check_date(self, cleaned):
        status, date = cleaned.get("status"), cleaned.get("meeting_date")
        if not (status and date):
            return
        today = timezone.localdate()
        if status == MotionReport.Status.TABLED and date < today:
            self.add_error(
                "meeting_date",
                _(
                    "That date has passed: for a meeting that has happened, please say how it went "
                    "(passed, passed with amendments, defeated or not heard)."
                ),
            )
        elif status != MotionReport.Status.TABLED and date > today:
            self.add_error("meeting_date", _("That meeting is still to come: please choose “Tabled for a meeting”."))

    def check_not_already_passed(self, cleaned):
        name = cleaned.get("body_name")
        passed = MotionReport.objects.public().filter(body_key=normalise_body(name)).first() if name else None
        if passed:
            self.add_error(
                "body_name",
                _(
                    "%(body)s is already on our list: it passed the motion on %(date)s. Thank you! "
                    "If that is wrong, please write to us."
                )
                % {"body": passed.body_name, "date": date_format(passed.meeting_date, "j F Y")},
            )


class ReportAnswerForm(forms.Form):
    """The one-click answer's confirm page: for "postponed", the new date."""

    new_date = forms.DateField(
        label=_("The new date of the meeting"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Please give the new date, for example 14/05/2027.")},
    )

    def __init__(self, *args, answer, **kwargs):
        super().__init__(*args, **kwargs)
        self.answer = answer

    def clean_new_date(self):
        date = self.cleaned_data.get("new_date")
        if self.answer == POSTPONED:
            if date is None:
                raise forms.ValidationError(_("Please give the new date of the meeting."))
            if date <= timezone.localdate():
                raise forms.ValidationError(_("Please give a date after today."))
        return date
