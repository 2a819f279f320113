"""What the statements app holds about an address, for the person's "your data" page (core.subscriptions)."""

from core.subscriptions.holdings import Holding, register_personal_data

from . import signing
from .models.signature import Signature, normalise_email


def signatures_of(email):
    return Signature.objects.filter(email_normalised=normalise_email(email)).select_related("page")


def describe(email):
    holdings = []
    for signature in signatures_of(email):
        lines = [f"Name: {signature.name}"]
        if signature.organisation:
            lines.append(f"Organisation: {signature.organisation}")
        if signature.role:
            lines.append(f"Role: {signature.role}")
        if signature.town:
            lines.append(f"Town or area: {signature.town}")
        lines.append("Shown on the public list" if signature.show_publicly else "Not shown publicly")
        lines.append(
            f"Confirmed on {signature.confirmed_at:%-d %B %Y}" if signature.confirmed_at else "Not confirmed yet"
        )
        holdings.append(Holding(heading=f"Your signature on “{signature.page.title}”", lines=lines))
    return holdings


def erase(email):
    """Withdraw every signature of the address (each one's count goes down with it)."""
    for signature in signatures_of(email):
        signing.withdraw(signature)


register_personal_data(describe, erase)
