"""The group page's forms: a message to the group, sharing one's address; and the "introduce me" choice."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.protection import HoneypotFormMixin

from .messaging import MOST_CHARACTERS


class MessageForm(HoneypotFormMixin, forms.Form):
    body = forms.CharField(
        label=_("Your message to the group"),
        max_length=MOST_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=format_lazy(
            _(
                "Plain text, at most {most} characters. It is emailed to each of the others "
                "with your first name; your address is not shown."
            ),
            most=f"{MOST_CHARACTERS:,}",
        ),
        error_messages={
            "required": _("Write the message you want to send."),
            "max_length": format_lazy(
                _("Please keep it to {most} characters or fewer (it has %(show_value)d)."), most=f"{MOST_CHARACTERS:,}"
            ),
        },
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write the message you want to send."))
        return body


class ShareForm(forms.Form):
    share = forms.BooleanField(
        label=_("Share my email address with the others in the group who share theirs"),
        required=False,
    )


class ChoiceForm(forms.Form):
    introduce_me = forms.BooleanField(
        label=_("Introduce me to other supporters in my constituency or union branch"),
        required=False,
        help_text=_("When three of you there have asked, we email each the others’ first names."),
    )
