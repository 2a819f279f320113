"""The statement's signed links (core.signed_links): confirming a signature, and withdrawing it.

Each is bound to the signature's address: a link for a signature whose address
changed, or that was withdrawn and whose id is reused, names nothing. The
confirm link lasts a month; the withdraw link never expires.
"""

from core.signed_links import SignedLink

from .models.signature import Signature

CONFIRM_MAX_AGE = 60 * 60 * 24 * 30  # a month to click the link


def _address(signature):
    return [signature.email_normalised]


CONFIRM = SignedLink("statements.confirm", Signature.objects, _address, max_age=CONFIRM_MAX_AGE)
WITHDRAW = SignedLink("statements.withdraw", Signature.objects, _address)


def read_token(token, link, page):
    """The signature on `page` that `token` names as a `link` (CONFIRM or WITHDRAW), or BadToken."""
    signature = link.read(token, within=Signature.objects.filter(page_id=page.pk))
    signature.page = page  # the caller's copy: what follows (its title, its URL) costs no second query
    return signature
