"""A receipt: the thank-you page after a form repeats what the visitor sent, to that visitor only.

Nothing personal may go into the thank-you page's address (logged, kept in history) or a cached page, so
the redirect sets a cookie: the request's id, signed per kind (core.signed_links), short-lived, and sent
only to that page's path, so every other page stays anonymous and cacheable. The page must be `never_cache`:
a cache knowing nothing of the cookie could serve the plain page to its holder, or one visitor's to another.
"""

from urllib.parse import urlsplit

from core.signed_links import BadToken, sign, unsign

COOKIE = "receipt"
RECEIPT_SECONDS = 30 * 60


def _salt(kind):
    return f"core.receipts:{kind}"


def give_receipt(response, request, url, kind, pk):
    """Set on `response` (the redirect to `url`, the thank-you page) a receipt for the `kind` request `pk`."""
    response.set_cookie(
        COOKIE,
        sign(pk, _salt(kind)),
        max_age=RECEIPT_SECONDS,
        path=urlsplit(url).path or "/",
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    return response


def read_receipt(request, kind):
    """The id on the visitor's receipt for a `kind` request, or None (no receipt, a forged or an old one)."""
    value = request.COOKIES.get(COOKIE)
    if not value:
        return None
    try:
        return unsign(value, _salt(kind), max_age=RECEIPT_SECONDS)
    except BadToken:
        return None
