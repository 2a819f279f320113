"""What the statements app holds about an address, for the person's "your data" page (core.subscriptions)."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.languages import localized
from core.places.lookup import constituency_names
from core.subscriptions.holdings import Holding, register_personal_data

from . import referrals, signing
from .models.signature import Signature, normalise_email


def signatures_of(email):
    return Signature.objects.filter(email_normalised=normalise_email(email)).select_related("page")


def describe(email):
    """Each signature of the address, as it is kept; with the constituency's name and what its share link brought.

    A fixed number of queries whatever the number of signatures: the names of their
    constituencies and the counts of their links are each read in one.
    """
    signatures = list(signatures_of(email))
    places = constituency_names(signature.constituency for signature in signatures if signature.constituency)
    codes = {signature.pk: referrals.signer_code(signature) for signature in signatures}
    brought = referrals.brought_by(codes.values())
    holdings = []
    for signature in signatures:
        lines = [_("Name: %(name)s") % {"name": signature.name}]
        if signature.organisation:
            lines.append(_("Organisation: %(organisation)s") % {"organisation": signature.organisation})
        if signature.role:
            lines.append(_("Role: %(role)s") % {"role": signature.role})
        if signature.town:
            lines.append(_("Town or area: %(town)s") % {"town": signature.town})
        if signature.constituency:
            place = places.get(signature.constituency, signature.constituency)
            lines.append(_("Constituency: %(constituency)s") % {"constituency": place})
        lines.append(_("Shown on the public list") if signature.show_publicly else _("Not shown publicly"))
        if signature.confirmed_at:
            confirmed = date_format(timezone.localtime(signature.confirmed_at), "j F Y")
            lines.append(_("Confirmed on %(date)s") % {"date": confirmed})
        else:
            lines.append(_("Not confirmed yet"))
        lines.append(link_line(signature, codes[signature.pk], brought.get(codes[signature.pk], 0)))
        title = localized(signature.page).title  # the statement as the page's language shows it
        holdings.append(Holding(heading=_("Your signature on “%(title)s”") % {"title": title}, lines=lines))
    return holdings


def link_line(signature, code, count):
    """Their own share link and how many signed through it: a number, never who (statements.referrals)."""
    url = signature.page.get_full_url()
    link = _("Your share link %(url)s") % {"url": referrals.with_source(url, code)} if url else _("Your share link")
    return ngettext(
        "%(link)s has brought %(count)s person so far (we count them, we never tell you who)",
        "%(link)s has brought %(count)s people so far (we count them, we never tell you who)",
        count,
    ) % {"link": link, "count": count}


def erase(email):
    """Withdraw every signature of the address (each one's count goes down with it)."""
    for signature in signatures_of(email):
        signing.withdraw(signature)


register_personal_data(describe, erase)
