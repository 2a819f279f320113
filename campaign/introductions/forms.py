"""The group page's forms: a message to the group, sharing one's address; and the "introduce me" choice."""

from django import forms

from core.protection import HoneypotFormMixin

from .messaging import MOST_CHARACTERS


class MessageForm(HoneypotFormMixin, forms.Form):
    body = forms.CharField(
        label="Your message to the group",
        max_length=MOST_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"Plain text, at most {MOST_CHARACTERS:,} characters. It is emailed to each of the others "
        "with your first name; your address is not shown.",
        error_messages={
            "required": "Write the message you want to send.",
            "max_length": f"Please keep it to {MOST_CHARACTERS:,} characters or fewer (it has %(show_value)d).",
        },
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Write the message you want to send.")
        return body


class ShareForm(forms.Form):
    share = forms.BooleanField(
        label="Share my email address with the others in the group who share theirs",
        required=False,
    )


class ChoiceForm(forms.Form):
    introduce_me = forms.BooleanField(
        label="Introduce me to other supporters in my constituency or union branch",
        required=False,
        help_text="When three of you there have asked, we email each the others’ first names.",
    )
