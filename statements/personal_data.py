"""What the statements app holds about an address, for the person's "your data" page (core.subscriptions)."""

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
        lines = [f"Name: {signature.name}"]
        if signature.organisation:
            lines.append(f"Organisation: {signature.organisation}")
        if signature.role:
            lines.append(f"Role: {signature.role}")
        if signature.town:
            lines.append(f"Town or area: {signature.town}")
        if signature.constituency:
            lines.append(f"Constituency: {places.get(signature.constituency, signature.constituency)}")
        lines.append("Shown on the public list" if signature.show_publicly else "Not shown publicly")
        lines.append(
            f"Confirmed on {signature.confirmed_at:%-d %B %Y}" if signature.confirmed_at else "Not confirmed yet"
        )
        lines.append(link_line(signature, codes[signature.pk], brought.get(codes[signature.pk], 0)))
        holdings.append(Holding(heading=f"Your signature on “{signature.page.title}”", lines=lines))
    return holdings


def link_line(signature, code, count):
    """Their own share link and how many signed through it: a number, never who (statements.referrals)."""
    url = signature.page.get_full_url()
    link = f"Your share link {referrals.with_source(url, code)}" if url else "Your share link"
    people = "person" if count == 1 else "people"
    return f"{link} has brought {count} {people} so far (we count them, we never tell you who)"


def erase(email):
    """Withdraw every signature of the address (each one's count goes down with it)."""
    for signature in signatures_of(email):
        signing.withdraw(signature)


register_personal_data(describe, erase)
