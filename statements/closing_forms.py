"""The statement's edit form (its closing time checked) and the editor's Reopen form.

No model import: the page model names the edit form as its base_form_class.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminDateTimeInput

# English here, for the tests to compare; check_closing_time shows them in the active language.
PAST = gettext_noop(
    "This time has already passed. Choose a time in the future, or leave it empty to keep signing open."
)
PAST_CLOSING = gettext_noop(
    "This time has already passed. Choose a time in the future, or leave it empty to keep signing open."
    " To stop signing now, save the page, then use “Close signing now” under Closing."
)


def to_the_minute(moment):
    return moment.replace(second=0, microsecond=0)


def check_closing_time(closes_at, message=PAST):
    """Refuse a closing time that is not in the future (None, no closing time, is fine)."""
    if closes_at is not None and closes_at <= timezone.now():
        raise forms.ValidationError(gettext(message), code="past")


class StatementPageForm(WagtailAdminPageForm):
    """The statement's edit form: a closing time in the past is refused, unless it is the one the page had already.

    Closing now is the Close action's job (statements.closing), which records who did it; a statement
    closed last month must still save with its closing time unchanged.
    """

    def clean_closes_at(self):
        closes_at = self.cleaned_data.get("closes_at")
        if closes_at is not None and to_the_minute(closes_at) not in self.closing_times_before():
            check_closing_time(closes_at, PAST_CLOSING)
        return closes_at

    def closing_times_before(self):
        """The closing times of the draft being edited and of the live page, to the minute the form shows.

        This form has changed neither yet.
        """
        page = self.instance
        if page.pk is None:
            return set()
        live = type(page).objects.filter(pk=page.pk).values_list("closes_at", flat=True).first()
        return {to_the_minute(moment) for moment in (page.closes_at, live) if moment is not None}


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is signing reopening?"),
        max_length=2000,
        error_messages={"required": _("Please say why signing is reopening.")},
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kept with your name and the time, in the campaign's record of this statement."),
    )
    closes_at = forms.DateTimeField(
        label=_("New closing time (optional)"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=_("UK time. Leave empty to keep signing open until someone closes it."),
    )

    def clean_closes_at(self):
        closes_at = self.cleaned_data.get("closes_at")
        check_closing_time(closes_at)
        return closes_at
