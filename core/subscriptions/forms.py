"""The footer's one-field form: an email address asking for campaign updates (and the honeypot).

It sits in the frame of every page, including pages served from the page
cache, so it carries no CSRF token (core.cross_origin checks its POST by
origin instead) and its ids are prefixed: a page's own form may have an
"email" field too.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.email_addresses import MAX_LENGTH, validate_fits_when_kept
from core.protection import HoneypotFormMixin

from .wording import CURRENT, text_of

PREFIX = "updates"
# Recorded on the consent in the language of the page it was given on, as the person saw it.
FORM_NAME = _("the updates form at the foot of the site’s pages")


class UpdatesSignupForm(HoneypotFormMixin, forms.Form):
    """Asking for updates is the whole form, so its words (the current wording) are what a consent records."""

    email = forms.EmailField(
        label=_("Your email address"),
        max_length=MAX_LENGTH,
        validators=[validate_fits_when_kept],
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )

    wording_version = CURRENT

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix=PREFIX, **kwargs)

    @property
    def wording(self):
        return text_of(self.wording_version)
