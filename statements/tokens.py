"""The statement's signed links (core.signed_links): confirming a signature, and withdrawing it.

Each is bound to the signature's address: a link for a signature whose address
changed, or that was withdrawn and whose id is reused, names nothing. The
confirm link lasts a month; the withdraw link never expires. Two more live a
day in the address of a page, never in an email: "check your inbox" carries
one to correct a mistyped address (CORRECT), the thank-you page one to add a
union (ADD_UNION).
"""

from core.signed_links import SignedLink

from .models.signature import Signature

CONFIRM_MAX_AGE = 60 * 60 * 24 * 30  # a month to click the link
PAGE_LINK_MAX_AGE = 60 * 60 * 24  # the pages right after signing and confirming, kept open or come back to


def _address(signature):
    return [signature.email_normalised]


CONFIRM = SignedLink("statements.confirm", Signature.objects, _address, max_age=CONFIRM_MAX_AGE)
WITHDRAW = SignedLink("statements.withdraw", Signature.objects, _address)
CORRECT = SignedLink("statements.correct", Signature.objects, _address, max_age=PAGE_LINK_MAX_AGE)
ADD_UNION = SignedLink("statements.union", Signature.objects, _address, max_age=PAGE_LINK_MAX_AGE)


def read_token(token, link, page):
    """The signature on `page` that `token` names as a `link` (CONFIRM, WITHDRAW, CORRECT, ADD_UNION), or BadToken.

    On a translation of the statement, its signatures are the original's (StatementPage.counted_page).
    """
    counted = page.counted_page
    signature = link.read(token, within=Signature.objects.filter(page_id=counted.pk))
    signature.page = counted  # the caller's copy: what follows (its title, its URL) costs no second query
    return signature
