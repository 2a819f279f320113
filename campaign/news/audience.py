"""Who an update goes to: everyone receiving updates, optionally narrowed.

An audience is a small dict kept on the send (`UpdateSend.audience`), so the
worker works out the same recipients the editor saw counted. Each key names
a narrowing in NARROWINGS, applied to core's subscribers; the admin's
AudienceForm offers the same keys.

Narrowings by signature (organisations, regions, unions, constituencies)
match a subscriber's address to a confirmed signature's, as consent to
updates is given at signing with that address.

A new narrowing is one entry in NARROWINGS and a field of that name in
AudienceForm: counting, queuing and sending read the audience through
`recipients`.
"""

from django import forms
from django.db.models import Sum
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.places.models import Constituency
from core.regions import Region
from core.subscriptions.models import Subscriber
from statements.models import Signature, SignatureCount
from statements.models.movement import CONSTITUENCY_KEY, listed_unions


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
    "regions": by_signatures(lambda rows, values: rows.filter(region__in=values)),
    "unions": by_signatures(lambda rows, values: rows.filter(union_id__in=values)),
    "constituencies": by_signatures(lambda rows, values: rows.filter(constituency__in=values)),
}


def signed_constituencies():
    """[(ONS code, name)] of the constituencies with confirmed signatures, by name: the form's choices.

    Read from the kept counts ("c:<code>" counters, summed over statements and slots), so it costs one
    grouped query over at most one row per constituency and slot, never a scan of the signatures; a
    code the postcode lookup no longer names is offered by its code.
    """
    codes = (
        SignatureCount.objects.filter(kind__startswith=CONSTITUENCY_KEY)
        .values("kind")
        .annotate(total=Sum("count"))
        .filter(total__gt=0)
        .values_list("kind", flat=True)
    )
    codes = [kind.removeprefix(CONSTITUENCY_KEY) for kind in codes]
    return sorted(constituency_names(codes).items(), key=lambda item: (item[1].casefold(), item[0]))


def constituency_names(codes):
    """{code: name} for these ONS codes (at most one row each), the code itself where the lookup has no name."""
    names = dict(Constituency.objects.filter(code__in=codes).values_list("code", "name")) if codes else {}
    return {code: names.get(code, code) for code in codes}


def recipients(audience):
    """The subscribers an update with this audience goes to now."""
    subscribers = Subscriber.objects.receiving()
    for key, value in (audience or {}).items():
        if value and key in NARROWINGS:
            subscribers = NARROWINGS[key](subscribers, value)
    return subscribers


def describe(audience):
    audience = audience or {}
    who = gettext("organisations’ contacts") if audience.get("organisations") else gettext("everyone")
    places = [str(Region(value).label) for value in audience.get("regions") or [] if value in Region.values]
    unions = dict((str(pk), name) for pk, name in listed_unions())
    removed = gettext("a union since removed")
    bodies = [unions.get(value, removed) for value in audience.get("unions") or []]
    seats = list(constituency_names(audience.get("constituencies") or []).values())
    where = gettext(" in %(places)s") % {"places": ", ".join(places)} if places else ""
    union = gettext(" of %(bodies)s") % {"bodies": ", ".join(bodies)} if bodies else ""
    if len(seats) == 1:
        seat = gettext(" in the constituency of %(seats)s") % {"seats": seats[0]}
    else:
        seat = gettext(" in the constituencies of %(seats)s") % {"seats": ", ".join(seats)} if seats else ""
    return gettext("%(who)s%(union)s%(where)s%(seat)s who asked for updates") % {
        "who": who,
        "union": union,
        "where": where,
        "seat": seat,
    }


class AudienceForm(forms.Form):
    """The editor's choice of recipients; its cleaned data is the audience dict."""

    organisations = forms.BooleanField(
        label=_("Only organisations’ contacts"),
        required=False,
        help_text=_("People who signed for an organisation and asked for updates."),
    )
    regions = forms.MultipleChoiceField(
        label=_("Only these nations or regions"),
        choices=Region.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People whose signature gives one of them. None ticked: everywhere."),
    )
    unions = forms.MultipleChoiceField(
        label=_("Only these unions’ bodies"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Union branches and bodies that signed for one of them. None ticked: all."),
    )
    constituencies = forms.MultipleChoiceField(
        label=_("Only these constituencies"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "news-constituencies"}),
        help_text=_(
            "People whose signature’s postcode is in one of them; only constituencies with signatures "
            "are listed. None ticked: everywhere."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unions"].choices = [(str(pk), name) for pk, name in listed_unions()]
        self.fields["constituencies"].choices = signed_constituencies()
