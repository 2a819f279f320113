"""A receipt: the thank-you page after a form repeats what the visitor sent, to that visitor only.

A form that saves a request (a print order, a speaker invitation) redirects
to its thank-you page, so a reload never sends it twice. That page has a
plain address, the same for everyone, and nothing personal may go into an
address (it is logged, kept in history, shared) or into a cached page. So
the redirect carries a receipt cookie instead:

* its value is the request's id, signed (core.signed_links) for its kind
  of request: a visitor cannot read someone else's by changing it;
* its path is the thank-you page's own, so the browser sends it nowhere
  else: every other page stays anonymous and served from the page cache,
  and no session is made for a visitor;
* HttpOnly, SameSite=Lax, Secure over HTTPS, and it lasts RECEIPT_SECONDS
  (a reload or a second look at the page, not a record kept on the device).

The thank-you page must never be cached (`never_cache`), with or without a
receipt: otherwise the page cache, which knows nothing of this cookie, could
store the plain page and serve it to the visitor holding one, and a CDN
could keep a page with an address in it.
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
