"""Who an update goes to: everyone receiving updates, optionally narrowed.

An audience is a small dict kept on the send (`UpdateSend.audience`), so the
worker works out the same recipients the editor saw counted. Each key names
a narrowing in NARROWINGS, applied to core's subscribers; the admin's
AudienceForm offers the same keys.

HOOK for regions and unions: once signatures carry them (issue 19 builds on
the task adding `region` and `union` to Signature), add
`"regions": by_signatures(lambda rows, values: rows.filter(region__in=values))`
(and the same for unions) here, and a MultipleChoiceField of that name to
AudienceForm. Nothing else changes: counting, queuing and sending read the
audience through `recipients`.
"""

from django import forms

from core.subscriptions.models import Subscriber
from statements.models import Signature


def by_signatures(narrow):
    """A narrowing to subscribers whose address has a confirmed signature matching `narrow(rows, value)`.

    One subquery on the addresses: no row is read into Python, whatever the list's size.
    """

    def apply(subscribers, value):
        rows = narrow(Signature.objects.confirmed(), value)
        return subscribers.filter(email__in=rows.values("email_normalised"))

    return apply


NARROWINGS = {
    "organisations": by_signatures(lambda rows, value: rows.filter(kind=Signature.Kind.ORGANISATION)),
}


def recipients(audience):
    """The subscribers an update with this audience goes to now."""
    subscribers = Subscriber.objects.receiving()
    for key, value in (audience or {}).items():
        if value and key in NARROWINGS:
            subscribers = NARROWINGS[key](subscribers, value)
    return subscribers


def describe(audience):
    return (
        "organisations’ contacts who asked for updates"
        if (audience or {}).get("organisations")
        else "everyone who asked for updates"
    )


class AudienceForm(forms.Form):
    """The editor's choice of recipients; its cleaned data is the audience dict."""

    organisations = forms.BooleanField(
        label="Only organisations’ contacts",
        required=False,
        help_text="People who signed for an organisation and asked for updates.",
    )
    # Regions and unions join here (see the module's docstring).
