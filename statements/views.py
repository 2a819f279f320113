"""The statement's pages as visitors see them.

StatementPage routes them all and hands itself in: this module never
imports the page model (direct_urls.py serves the busiest of them at plain
URLs that skip the page tree).
"""

import re
from datetime import UTC, datetime, timedelta
from typing import NamedTuple
from urllib.parse import urlencode

from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.emails import queue_acknowledgement
from core.page_cache import varies_on_query
from core.page_methods import takes_posts
from core.protection import RateLimit, rate_limited
from core.shared_fields import own_field
from core.sharing import share_links
from core.signed_links import BadToken
from core.subscriptions import sources

from . import referrals, screening, signing
from .closing_cache import kept_no_later_than
from .forms import ChangeSignatureForm, CorrectAddressForm, SignatureForm, UnionForm
from .models.movement import OTHER_UNION
from .models.signature import Signature, normalise_email
from .progress import signed_summary
from .tokens import ADD_UNION, CONFIRM, CORRECT, WITHDRAW, read_token

SIGNATORIES_PER_PAGE = 50
MAX_SEARCH_LENGTH = 100
# A signatories list position: "<confirmed_at in microseconds since 1970>_<id>".
POSITION = re.compile(r"(\d{1,20})_(\d{1,20})")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MAX_ID = 2**63 - 1  # the largest id a database column holds


class StatementAddresses:
    """`{{ addresses.sign }}`, `{{ addresses.add_union }}`: a statement's sub-addresses in its templates.

    Made by signing.statement_path, as the redirects and the emailed links are: no template adds "sign/" to a URL.
    """

    def __init__(self, page, request):
        self.page, self.request = page, request

    def __getitem__(self, name):
        try:
            return signing.statement_path(self.page, self.request, name)
        except NoReverseMatch:
            raise KeyError(name) from None


def page_context(request, page, share_code="", **extra):
    """What every statement template shows: counts, progress, share links, its addresses and whether it has closed.

    `spread` (by union and region) is a callable, which the template calls
    only where it shows the chart: from the same counters, read once. The
    share links carry `share_code` (a signer's own, statements.referrals) when given.
    """
    totals = page.counter_totals()
    counts = page.counts(totals)
    url = referrals.with_source(signing.statement_url(page, request), share_code)
    context = {
        "page": page,
        "self": page,
        "counts": counts,
        "spread": lambda: page.spread(totals),
        "signed_summary": signed_summary(counts),
        "progress": page.progress(counts["total"]),
        "share_links": statement_share_links(url, page.share_text or page.title),
        "share_url": url,
        "share_code": share_code,
        "addresses": StatementAddresses(page, request),
        "closed_statements_url": reverse("closed_statements"),
    }
    context.update(extra)
    return context


def statement_share_links(url, text):
    """[(label, href)]: WhatsApp first (where most people share a campaign), then email, Facebook, Bluesky, X."""
    links = share_links(url, text)
    bluesky = "https://bsky.app/intent/compose?" + urlencode({"text": f"{text} {url}"})
    return [links[key] for key in ("whatsapp", "email", "facebook")] + [("Bluesky", bluesky), links["x"]]


def render(request, page, template, status=200, **extra):
    return TemplateResponse(request, template, page_context(request, page, **extra), status=status)


def statement(request, page, form=None):
    """The statement with its form, or, once signing has closed, its final count where the form was."""
    response = render(
        request,
        page,
        "statements/statement_page.html",
        form=form or SignatureForm(),
        recent_organisations=page.recent_signatures(Signature.Kind.ORGANISATION),
        recent_people=page.recent_signatures(Signature.Kind.PERSON),
    )
    if request.method in ("GET", "HEAD"):
        kept_no_later_than(response, page.closing_time)  # the open form is in no cache once signing closes
    return response


@takes_posts
@require_http_methods(["GET", "POST"])
def sign(request, page):
    """POST the form; a valid signature redirects to "check your inbox" (so a reload never re-posts).

    The form posts to sign/#sign, so a page with mistakes opens at the form
    and its error summary, not at the top of a long statement. Once signing
    has closed, a POST saves nothing and gets the closed page (`signing_closed`).
    """
    if request.method != "POST":
        return redirect(signing.statement_path(page, request) + "#sign")
    if page.is_closed():
        return signing_closed(request, page)
    screen = screened(request, SignatureForm, referrals.with_source_from_referer(request))
    if screen.refusal:
        return screen.refusal
    if not screen.valid:
        return statement(request, page, form=screen.form)
    return to_check_inbox(page, request, signing.record(page, screen.form, request, assessment=screen.assessment))


def signing_closed(request, page):
    """The polite answer to a signing after the close: 410 Gone, as a closed stall answers its device.

    Gone rather than 403 (nobody lacks a permission: the signing itself is
    over) and what the stall's page already reads as "closed"; an answer to a
    POST, so no cache keeps it. It says when it closed and the final count.
    """
    return render(request, page, "statements/signing_closed.html", status=410)


class Screened(NamedTuple):
    """A POST giving an address to sign with: its form, whether it is valid, its assessment, and a 429 page or None."""

    form: object
    valid: bool
    assessment: screening.Assessment
    refusal: HttpResponse | None


def screened(request, form_class, data=None):
    """Check a POST that gives an address to sign with, and count it against RATE_LIMITS["sign"].

    The one place the signing rate limit is taken: every such POST, valid or
    not, counts in screening.assess, a valid one in the same cache round trip
    as its hold-back counts. Past the limit, `refusal` is the 429 page.
    `data` is the POST as the form reads it (the sign form's, with the Referer's source code).
    """
    rate_limit = RateLimit.of("sign")
    form = form_class(request.POST if data is None else data)
    valid = form.is_valid()
    assessment = screening.assess(request, form.cleaned_data["email"] if valid else None, rate_limit)
    refusal = None if assessment.within_rate_limit else rate_limit.refusal(request)
    return Screened(form, valid, assessment, refusal)


def to_check_inbox(page, request, signed):
    """The redirect after a signing: "check your inbox", saying whether an email was sent, and when one may be.

    No personal data in the address: a day's link (CORRECT) to the signature of the address typed, by
    which the page shows that address (mostly hidden) and offers to correct it. A first signing and a
    repeat get the same, so the page tells no one whether an address had signed.
    """
    query = {}
    if not signed.emailed:
        query.update(sent=0, after=int(signed.next_email_at.timestamp()))
    query["signature"] = CORRECT.make(signed.signature)
    return redirect(f"{signing.statement_path(page, request, 'signed')}?{urlencode(query)}")


def sign_unavailable(request):
    """The sign form shown back, filled in, while the database is down (core.database_outage); reads no database.

    What was typed is the form's initial data, not bound data: checking it would read the database.
    """
    form = SignatureForm(initial=referrals.with_source_from_referer(request).dict())  # the link's code kept too
    union = own_field(form, "union")  # its choices may change below: not the fields every sign form shares
    chosen = form.initial.get("union", "")
    if chosen and chosen not in {str(value) for value, _ in union.choices}:
        union.choices = [*union.choices, (chosen, gettext("The union you chose"))]  # the list could not be read
    context = {"form": form, "action": request.path, "health_url": reverse("health")}
    response = TemplateResponse(request, "statements/sign_unavailable.html", context)
    return response.render()


def next_email_time(request):
    """When another email may be asked for, from ?after= (a time at most RESEND_INTERVAL ahead), else None."""
    try:
        stamp = datetime.fromtimestamp(int(request.GET.get("after", "")), tz=timezone.get_current_timezone())
    except (ValueError, OverflowError, OSError):
        return None
    now = timezone.now()
    if not now <= stamp <= now + timedelta(seconds=signing.RESEND_INTERVAL):
        return None
    return stamp


def hidden_address(email):
    """An address as typed, with all but the first letter before the @ hidden: a•••@example.org."""
    local, at, domain = email.rpartition("@")
    return f"{local[:1]}•••@{domain}" if at else "•••"


def signature_of_link(page, token, link):
    """The signature a page's own link (CORRECT, ADD_UNION) names, or None: the page then says less."""
    try:
        return read_token(token, link, page) if token else None
    except BadToken:
        return None


@varies_on_query("sent", "after", "signature", "corrected")
def signed(request, page, correct_form=None):
    """Check your inbox; ?sent=0 when a repeat within the resend interval sent nothing (so the page says so).

    With the signing's CORRECT link (?signature=), the page names the address typed (mostly hidden)
    and offers to correct it; ?corrected=1 once a correction is sent.
    """
    sent = request.GET.get("sent") != "0"
    next_email_at = None if sent else next_email_time(request)
    token = request.POST.get("token", "") if correct_form else request.GET.get("signature", "")
    signature = signature_of_link(page, token, CORRECT)
    return render(
        request,
        page,
        "statements/check_inbox.html",
        share_code=referrals.signer_code(signature) if signature else "",
        sent=sent,
        next_email_at=next_email_at,
        corrected="corrected" in request.GET,
        address=hidden_address(signature.email) if signature else "",
        token=token if signature else "",
        correct_form=correct_form or CorrectAddressForm(),
    )


@require_http_methods(["GET", "POST"])
def correct(request, page):
    """POST a mistyped address's correction from "check your inbox"; the answer is the same whatever happened.

    signing.correct_address replaces the signature only while it is unconfirmed and asked from the
    network that made it, so typing someone else's address gives no way to remove their signature;
    whoever asks is told the same, so nothing says whether the address had signed. The same rate
    limit and hold-back checks as signing (screened). Closed once signing has: a corrected address
    is a new signature, which would be confirmed anew.
    """
    if request.method != "POST":
        return redirect(signing.statement_path(page, request) + "#sign")
    if page.is_closed():
        return signing_closed(request, page)
    screen = screened(request, CorrectAddressForm)
    if screen.refusal:
        return screen.refusal
    signature = signature_of_link(page, request.POST.get("token", ""), CORRECT)
    if signature is None:
        return render(request, page, "statements/link_problem.html", status=400, correcting=True)
    if not screen.valid:
        return signed(request, page, correct_form=screen.form)
    signing.correct_address(page, signature, screen.form.cleaned_data["email"], request, screen.assessment)
    return redirect(signing.statement_path(page, request, "signed") + "?corrected=1")


@takes_posts
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def confirm(request, page):
    """The emailed link opens a page with one button; only the button's POST confirms.

    After signing has closed a signature made before the close still
    confirms and counts: it was signed in time, and only proving the address
    came later.

    Mail scanners (Outlook Safe Links, Proofpoint) open every link in an
    email with GET or HEAD: if opening the link confirmed, anyone could sign
    with someone else's work address and the scanner would confirm it. So
    GET and HEAD change nothing. The form carries the token in its body (not
    the address, which servers log) and, like the signing form, is checked by
    its origin, not by a CSRF token (core.cross_origin). The POST redirects to
    the thank-you page, which has a plain address, so the page cache serves it.
    """
    source = request.POST if request.method == "POST" else request.GET
    token = source.get("token", "")
    try:
        signature = read_token(token, CONFIRM, page)
    except BadToken as problem:
        return render(request, page, "statements/link_problem.html", status=400, expired=problem.expired)
    if request.method != "POST":
        if signature.is_confirmed:
            return thank_you(request, page, signature, already_confirmed=True)
        confirm_path = signing.statement_path(page, request, "confirm")  # reversed, as the email's link is
        return render(request, page, "statements/confirm.html", signature=signature, token=token, action=confirm_path)
    first_time = signing.confirm(signature)
    query = this_signers_link(signature)
    if not first_time:
        query["again"] = 1
    thank_you_path = signing.statement_path(page, request, "confirmed")
    return redirect(f"{thank_you_path}?{urlencode(query)}")


def this_signers_link(signature, ask_union=True):
    """The thank-you page's query naming the signature: a person's union link (ADD_UNION), else a SHARER link.

    Either lets the page show the signer's own share link and what it brought (statements.referrals).
    """
    if ask_union and signature.kind == Signature.Kind.PERSON:
        return {"signature": ADD_UNION.make(signature)}
    return {"yours": referrals.SHARER.make(signature)}


def thank_you(request, page, signature=None, union_form=None, ask_union=True, **extra):
    """The thank-you page; with a person's ADD_UNION link, it asks for their union.

    With the signature known, the share links carry the signer's own code and the page says
    how many people signed through it (a number only: never who).
    """
    token = ADD_UNION.make(signature) if ask_union and signature and signature.kind == Signature.Kind.PERSON else ""
    if token:
        extra.update(union_token=token, union_form=union_form or UnionForm(initial=union_initial(signature)))
    if signature is not None:  # the signer's own page: their link, what it brought, their constituency's line
        code = referrals.signer_code(signature)
        extra.update(signature=signature, share_code=code, brought=referrals.brought(code))
    return render(request, page, "statements/thank_you.html", **extra)


def union_initial(signature):
    if signature.union_id:
        return {"union": str(signature.union_id)}
    return {"union": OTHER_UNION, "union_other": signature.union_other} if signature.union_other else {}


@varies_on_query("again", "signature", "union", "yours")
def confirmed(request, page):
    """Thank you; ?signature= (a person's ADD_UNION link) adds the union question, ?union=saved says it is kept.

    ?yours= (a SHARER link: an organisation's, or a person's once their union is saved) names the
    signature for its share link alone.
    """
    signature = signature_of_link(page, request.GET.get("signature", ""), ADD_UNION)
    asks_union = signature is not None
    if signature is None:
        signature = signature_of_link(page, request.GET.get("yours", ""), referrals.SHARER)
    return thank_you(
        request,
        page,
        signature,
        ask_union=asks_union,
        already_confirmed="again" in request.GET,
        union_saved=request.GET.get("union") == "saved",
    )


@require_http_methods(["GET", "POST"])
@rate_limited("sign_union", limit=200, period=3600)
def add_union(request, page):
    """POST the thank-you page's union: saved to the signature its ADD_UNION link names, its count moved."""
    if request.method != "POST":
        return redirect(signing.statement_path(page, request, "confirmed"))
    signature = signature_of_link(page, request.POST.get("token", ""), ADD_UNION)
    if signature is None or not signature.is_confirmed:
        return render(request, page, "statements/link_problem.html", status=400, adding_union=True)
    form = UnionForm(request.POST)
    if not form.is_valid():
        return thank_you(request, page, signature, union_form=form)
    if not signing.add_union(signature, form.cleaned_data["union"], form.cleaned_data["union_other"]):
        return render(request, page, "statements/link_problem.html", status=400, adding_union=True)
    query = {"union": "saved", **this_signers_link(signature, ask_union=False)}
    return redirect(f"{signing.statement_path(page, request, 'confirmed')}?{urlencode(query)}")


@never_cache  # the page names the signer
@require_http_methods(["GET", "POST"])
def withdraw(request, page, token):
    """GET asks (so a mail scanner following links removes nothing); POST removes.

    A signer whose signature sends them updates is asked whether to keep them
    (unticked: withdrawing takes everything); the result says what is kept.
    """
    try:
        signature = read_token(token, WITHDRAW, page)
    except BadToken:
        return render(request, page, "statements/link_problem.html", status=400, withdraw=True)
    if request.method == "POST":
        keep = request.POST.get("keep_updates") == "yes"
        kept = signing.withdraw(signature, keep_updates=keep)  # the delete also empties the page cache
        return render(request, page, "statements/withdrawn.html", kept=kept)
    asks = sources.has_confirmed_consent(signature)
    return render(request, page, "statements/withdraw.html", signature=signature, asks_about_updates=asks)


@require_http_methods(["GET", "POST"])
@rate_limited("change_signature", limit=10, period=3600)
def change(request, page):
    """Ask for a fresh withdraw link by email address: for someone who no longer has our email.

    The reply is the same whether or not the address has signed, so the form
    tells no one who has; an address gets at most one such email per
    ACKNOWLEDGEMENT_INTERVAL however often it is typed in.
    """
    form = ChangeSignatureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        address = normalise_email(form.cleaned_data["email"])
        signature = page.counted_page.signatures.filter(email_normalised=address).first()
        if signature is not None:
            queue_acknowledgement(
                "statements/withdraw_link", signature, address, statement_url=signing.statement_url(page, request)
            )
        return redirect(signing.statement_path(page, request, "change_sent"))
    return render(request, page, "statements/change.html", form=form)


def change_sent(request, page):
    return render(request, page, "statements/change_sent.html")


@varies_on_query("kind", "q", "before", "after")
def signatories(request, page):
    """Everyone who agreed to be shown, newest first, searchable by name.

    Paged by keyset: "Older" carries the last row's position (`?before=`),
    "Newer" the first row's (`?after=`), and a page starts reading the index
    at that position. With OFFSET, page 20,000 of a million rows read and
    threw away a million rows, and anyone may ask for it. Pages are fetched
    one row beyond their size to know whether another follows, so no request
    counts the whole list. A position that cannot be read gives the first page.
    """
    kind = request.GET.get("kind")
    if kind not in Signature.Kind.values:
        kind = None
    query = " ".join(request.GET.get("q", "").split())[:MAX_SEARCH_LENGTH]
    rows = page.counted_page.signatures.listed()
    if kind:
        rows = rows.filter(kind=kind)
    if query:
        rows = rows.filter(Q(name__icontains=query) | Q(organisation__icontains=query))
    before = read_position(request.GET.get("before", ""))
    after = None if before else read_position(request.GET.get("after", ""))
    signatures, has_newer, has_older = signatory_page(rows, before, after)
    filters = {key: value for key, value in (("kind", kind), ("q", query)) if value}
    return render(
        request,
        page,
        "statements/signatories.html",
        signatures=signatures,
        kind=kind,
        query=query,
        newer_query=urlencode({"after": position_of(signatures[0]), **filters}) if has_newer else "",
        older_query=urlencode({"before": position_of(signatures[-1]), **filters}) if has_older else "",
    )


def signatory_page(rows, before, after):
    """One page of `rows` (newest first) beside a position: (signatures, has_newer, has_older)."""
    if after:
        # The rows just newer than the position, read upwards, shown newest first.
        newer = list(rows_after(rows, after)[: SIGNATORIES_PER_PAGE + 1])
        if newer:
            return newer[:SIGNATORIES_PER_PAGE][::-1], len(newer) > SIGNATORIES_PER_PAGE, True
        # Otherwise nothing is newer than the position (a made-up one): the first page.
    if before:
        batch = list(rows_before(rows, before)[: SIGNATORIES_PER_PAGE + 1])
        if batch:
            return batch[:SIGNATORIES_PER_PAGE], True, len(batch) > SIGNATORIES_PER_PAGE
        # Otherwise nothing is older than the position (a made-up one): the first page.
    batch = list(rows[: SIGNATORIES_PER_PAGE + 1])
    return batch[:SIGNATORIES_PER_PAGE], False, len(batch) > SIGNATORIES_PER_PAGE


def position_of(signature):
    """A row's place in the public list, for an address: confirmed_at in microseconds since 1970, and the id."""
    return f"{(signature.confirmed_at - EPOCH) // timedelta(microseconds=1)}_{signature.pk}"


def read_position(value):
    """(confirmed_at, pk) from position_of's form, or None for anything else."""
    match = POSITION.fullmatch(value)
    if not match or int(match[2]) > MAX_ID:
        return None
    try:
        return EPOCH + timedelta(microseconds=int(match[1])), int(match[2])
    except OverflowError:
        return None


def rows_before(rows, position):
    """Rows after `position` in the list's order (-confirmed_at, -pk): older, or as old with a lower id.

    The plain `confirmed_at <=` bound lets the database start reading the
    index at the position; the OR only settles ties on the same microsecond.
    """
    confirmed_at, pk = position
    return rows.filter(confirmed_at__lte=confirmed_at).filter(Q(confirmed_at__lt=confirmed_at) | Q(pk__lt=pk))


def rows_after(rows, position):
    """Rows before `position` in the list's order, nearest first (oldest first)."""
    confirmed_at, pk = position
    return (
        rows.filter(confirmed_at__gte=confirmed_at)
        .filter(Q(confirmed_at__gt=confirmed_at) | Q(pk__gt=pk))
        .order_by("confirmed_at", "pk")
    )
