"""Where signers come from: the source code a link carries (`?src=`), and each signer's own code.

Every share link, QR code, poster, stall device and partner's embed carries a source code, kept
on the signature it brings (Signature.referral_code). A signer's own share links carry a code
made from their signature: "s-" and a keyed digest of its id (HMAC with SECRET_KEY), so nobody
can make up someone's code, and a code tells its visitors nothing of the signer (not the id,
nor the address, nor the name). Nothing is stored for it: the code is worked out again when
their page is shown, and what it brought is the count of confirmed signatures carrying it (the
`signature_referral` index), a number only, never who.

The code reaches the form without splitting the page cache: the statement page is the same
cached bytes whatever `?src=` says; its script copies the code into the form's hidden `src`
field, and without JavaScript the sign POST reads it from the Referer, which the site's
Referrer-Policy keeps whole for its own pages (`code_in_referer`).
"""

import base64
from urllib.parse import parse_qs, urlencode, urlsplit

from django.core.exceptions import DisallowedHost
from django.db.models import Count, Q
from django.utils.crypto import salted_hmac

from core.signed_links import SignedLink

from . import batch_codes
from .forms import SOURCE_CODE
from .models.signature import Signature
from .tokens import PAGE_LINK_MAX_AGE

SIGNER_PREFIX = "s-"  # a signer's own code; organisers' named sources may not start with it
STALL_PREFIX = "stall-"  # a stall device's signatures (campaign/stalls): "stall-<event id>"
SHEET_PREFIX = batch_codes.SOURCE_PREFIX  # a batch of printed signature sheets: "sheet-<batch code>"
POSTER_CODE = "poster"  # the QR code the materials page hands out for supporters' own posters
# Codes the site's own materials carry, named on the dashboard unless an organiser names them as a source.
BUILT_IN_SOURCES = {POSTER_CODE: "Posters: the materials page’s QR code"}
QUERY_NAME = "src"

# The thank-you page's link to the signature whose share link it shows, for an organisation
# (a person's has the union link, ADD_UNION, which names the signature as well): a day, as that one.
SHARER = SignedLink("statements.sharer", Signature.objects, lambda s: [s.email_normalised], max_age=PAGE_LINK_MAX_AGE)


def signer_code(signature):
    """The signer's own source code: "s-" and 16 letters and digits that only this site can make for it."""
    digest = salted_hmac("statements.referrals.signer", str(signature.pk)).digest()
    return SIGNER_PREFIX + base64.b32encode(digest[:10]).decode().lower()


def is_signers_code(code):
    return code.startswith(SIGNER_PREFIX)


def with_source(url, code):
    """`url` with `?src=code` (no query of its own is expected: a statement's address); `url` when no code."""
    return f"{url}?{urlencode({QUERY_NAME: code})}" if code else url


def coded():
    """Signatures with a code, asked for as the `signature_referral` index is made (SQLite uses a
    partial index only when the query repeats its condition; PostgreSQL would work it out)."""
    return Signature.objects.filter(~Q(referral_code=""))


def brought(code):
    """How many confirmed signatures came through `code`: one COUNT on the signature_referral index."""
    if not code:
        return 0
    return coded().filter(referral_code=code, confirmed_at__isnull=False).count()


def brought_by(codes):
    """{code: confirmed signatures that came through it} for several codes, in one grouped query."""
    codes = [code for code in set(codes) if code]
    if not codes:
        return {}
    rows = (
        coded()
        .filter(referral_code__in=codes, confirmed_at__isnull=False)
        .values_list("referral_code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {code: n for code, n in rows}


def code_in_referer(request):
    """The `src` of the page this POST came from, when it is one of this site's pages; else "".

    For signers without JavaScript: the form's hidden field stays empty on the cached page,
    but the browser names the page it was on (and its query) in the Referer, for the same origin.
    The form cleans the code as any other (statements.forms.SignatureForm.clean_src).
    """
    referer = request.headers.get("Referer", "")
    if not referer:
        return ""
    try:
        parts = urlsplit(referer)
    except ValueError:
        return ""
    # The origin this request came to: core.cross_origin says the same, but imports Wagtail's views,
    # which need the models loaded, and the statement's page model imports this through statements.views.
    try:
        origin = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return ""
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return ""
    code = parse_qs(parts.query).get(QUERY_NAME, [""])[0].strip().lower()
    return code if SOURCE_CODE.fullmatch(code) else ""  # anything else would trip the form's hidden field


def with_source_from_referer(request):
    """The POST's data, with the Referer's code in `src` when the form brought none."""
    data = request.POST
    if data.get(QUERY_NAME):
        return data
    code = code_in_referer(request)
    if not code:
        return data
    data = data.copy()
    data[QUERY_NAME] = code
    return data
