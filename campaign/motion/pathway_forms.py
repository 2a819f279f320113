"""The pathway's public forms: a step of a passed motion at a conference, and a delegate's pledge.

Both are checked as a motion report is (honeypot, a confirmed email, then an
organiser); what is out of order or contradicts itself is refused with a
message saying why (pathway_rules.py).
"""

from django import forms
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _

from core.protection import HoneypotFormMixin
from core.text import one_line
from statements.forms import reject_control_characters

from .forms import translated
from .models.conferences import AffiliatedBody, Conference
from .models.pathway import PathwayStep
from .models.pledges import DelegatePledge, normalise_email
from .models.reports import MotionReport, normalise_body
from .pathway_rules import detail_problems, step_problems

# What each stage asks besides the date; a detail of another stage is left out of the saved step.
DETAILS = {
    PathwayStep.Stage.SUBMITTED: ("submitted_by",),
    PathwayStep.Stage.COMPOSITED: ("composite_name", "composited_with"),
    PathwayStep.Stage.RESULT: ("result", "card_for", "card_against", "card_abstain"),
}
ALL_DETAILS = {name for names in DETAILS.values() for name in names}


class BodyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, report):
        union = f" ({report.union_name})" if report.union_name else ""
        return f"{report.body_name}{union}, {report.get_region_display()}"


def card_field(label):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=50_000_000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
        error_messages={"invalid": _("Please give the figure in digits, for example 412000.")},
    )


class StepForm(HoneypotFormMixin, forms.ModelForm):
    """A step of a body's passed motion at a conference: submitted, accepted or ruled out, composited, debated,
    the result."""

    report = BodyChoiceField(
        label=_("Your branch or body"),
        queryset=MotionReport.objects.public().select_related("union").order_by("body_name"),
        empty_label=_("Choose…"),
        help_text=_("Bodies on our list of those that passed the motion."),
        error_messages={"required": _("Please choose your branch or body.")},
    )
    conference = forms.ModelChoiceField(
        label=_("Conference"),
        queryset=Conference.objects.all(),
        empty_label=_("Choose…"),
        error_messages={"required": _("Please choose the conference.")},
    )
    happened_on = forms.DateField(
        label=_("Date"),
        help_text=_("When it happened, for example 14/05/2027."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Please give the date it happened."),
            "invalid": _("Please give the date, for example 14/05/2027."),
        },
    )
    card_for = card_field(_("Card vote: for"))
    card_against = card_field(_("Card vote: against"))
    card_abstain = card_field(_("Card vote: abstentions"))

    class Meta:
        model = PathwayStep
        fields = ["report", "conference", "stage", "happened_on", "submitted_by", "composite_name"]
        fields += ["composited_with", "result", "card_for", "card_against", "card_abstain", "reporter_role", "email"]
        labels = {
            "stage": _("What happened"),
            "submitted_by": _("Submitted by (for “Submitted”)"),
            "composite_name": _("The composite (for “Composited”)"),
            "composited_with": _("Composited with (for “Composited”)"),
            "result": _("The result (for “Result”)"),
            "reporter_role": _("Your role"),
            "email": _("Your email"),
        }
        help_texts = {
            "submitted_by": _("For example: Rivermouth CLP, or Unite North West region."),
            "composite_name": _("For example: Composite 4."),
            "composited_with": _(
                "The other motions’ bodies, separated by commas, for example: Leeds East CLP, "
                "Hull West CLP. Bodies on our list are matched to their own reports."
            ),
            "result": _("Card vote figures below, if there was one."),
            "reporter_role": _("For example: CLP Secretary, or delegate."),
            "email": _("We send you a link to confirm. It is never shown."),
        }
        widgets = {
            "stage": forms.RadioSelect,
            "result": forms.RadioSelect,
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()
        self.fields["stage"].choices = translated(PathwayStep.Stage.choices)  # radios: no blank "---------" choice
        self.fields["result"].choices = translated(PathwayStep.Result.choices)
        for name in ALL_DETAILS:
            self.fields[name].required_when = True  # their labels say when
        for name in ("submitted_by", "composite_name", "composited_with", "reporter_role"):
            self.fields[name].validators.append(reject_control_characters)
        self.fields["stage"].error_messages["required"] = _("Please say what happened.")
        self.fields["reporter_role"].error_messages["required"] = _("Please give your role, for example CLP Secretary.")
        self.fields["email"].error_messages["required"] = _("Please give your email, so you can confirm the report.")

    def clean_submitted_by(self):
        return one_line(self.cleaned_data.get("submitted_by", ""))

    def clean_composite_name(self):
        return one_line(self.cleaned_data.get("composite_name", ""))

    def clean(self):
        cleaned = super().clean()
        stage = cleaned.get("stage")
        for name in ALL_DETAILS - set(DETAILS.get(stage, ())):
            cleaned[name] = None if name.startswith("card_") else ""
        report, conference = cleaned.get("report"), cleaned.get("conference")
        if stage and report and conference:
            problems = step_problems(report, conference, stage, cleaned.get("happened_on"), self.today)
            problems |= detail_problems(stage, cleaned) if not problems else {}
            for name, message in problems.items():
                self.add_error(name if name in self.fields else None, message)
        return cleaned

    def linked_reports(self):
        """The bodies on our public list that "composited with" names (comma-separated, each name exactly as on
        the list, case and spacing aside), so the board links the composite's bodies; other names stay text."""
        names = {normalise_body(name) for name in self.cleaned_data.get("composited_with", "").split(",")}
        names.discard("")
        report = self.cleaned_data.get("report")
        if not names or report is None:
            return MotionReport.objects.none()
        return MotionReport.objects.public().filter(body_key__in=names).exclude(pk=report.pk)

    def save(self, commit=True):
        """Linked bodies leave the text, so the board names each once."""
        linked = list(self.linked_reports())
        if linked:
            keys = {report.body_key for report in linked}
            names = [name.strip() for name in self.instance.composited_with.split(",")]
            self.instance.composited_with = ", ".join(n for n in names if n and normalise_body(n) not in keys)
        step = super().save(commit)
        if commit:
            step.composited_with_reports.set(linked)
        return step


class ConferenceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, conference):
        return f"{conference.name} ({date_format(conference.starts_on, 'j F Y')})"


class PledgeForm(HoneypotFormMixin, forms.ModelForm):
    """A conference delegate's pledge to support the motion; one per address per conference still to come."""

    conference = ConferenceChoiceField(
        label=_("Conference"),
        queryset=Conference.objects.all(),
        empty_label=_("Choose…"),
        error_messages={"required": _("Please choose the conference.")},
    )
    body = forms.ModelChoiceField(
        label=_("The delegation you are part of"),
        queryset=AffiliatedBody.objects.all(),
        empty_label=_("Choose…"),
        help_text=_("Not on the list? Please write to us and we will add it."),
        error_messages={"required": _("Please choose your delegation.")},
    )

    class Meta:
        model = DelegatePledge
        fields = ["conference", "delegate_name", "body", "email", "notices"]
        labels = {
            "delegate_name": _("Your name"),
            "email": _("Your email"),
            "notices": _(
                "Send me short notices about the motion during conference week (when it is taken, "
                "which composite). I can stop them with one click."
            ),
        }
        help_texts = {"email": _("We send you a link to confirm your pledge. It is never shown.")}
        widgets = {
            "delegate_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()
        # Offered: conferences still to come or under way. A past one sent all the same is refused in clean().
        field = self.fields["conference"]
        field.choices = [("", _("Choose…"))] + [
            (conference.pk, field.label_from_instance(conference))
            for conference in Conference.objects.filter(ends_on__gte=self.today)
        ]
        self.fields["delegate_name"].validators.append(reject_control_characters)
        self.fields["delegate_name"].error_messages["required"] = _("Please give your name.")
        self.fields["email"].error_messages["required"] = _("Please give your email, so you can confirm the pledge.")

    def clean_delegate_name(self):
        return one_line(self.cleaned_data["delegate_name"])

    def clean(self):
        cleaned = super().clean()
        conference, email = cleaned.get("conference"), cleaned.get("email")
        if conference and conference.has_happened(self.today):
            self.add_error(
                "conference",
                _(
                    "%(conference)s has already happened (it ended on %(date)s): "
                    "pledges are for conferences still to come."
                )
                % {"conference": conference.name, "date": date_format(conference.ends_on, "j F Y")},
            )
        elif conference and email and already_pledged(conference, email):
            self.add_error(
                "email",
                _(
                    "This address has already pledged for %(conference)s: one pledge per delegate. "
                    "If something in it is wrong, please write to us."
                )
                % {"conference": conference.name},
            )
        return cleaned

    def validate_unique(self):
        """The second pledge is said in clean(); the constraint stays the database's last word."""


def already_pledged(conference, email):
    return DelegatePledge.objects.filter(conference=conference, email_key=normalise_email(email)).exists()
