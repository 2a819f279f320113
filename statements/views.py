"""The statement's pages as visitors see them.

StatementPage routes them all; signing, confirming and the JSON counts are
also plain URLs (urls.py) that skip the page tree.
"""

from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from home.page_cache import UntilNextPublish
from home.protection import rate_limited
from home.sharing import share_links

from . import signing
from .forms import SignatureForm
from .models import Signature, StatementPage
from .tokens import CONFIRM, WITHDRAW, BadToken, read_token

SIGNATORIES_PER_PAGE = 50
MAX_SEARCH_LENGTH = 100


def page_context(request, page, **extra):
    """What every statement template shows: counts, progress and share links."""
    counts = page.counts()
    url = signing.statement_url(page, request)
    context = {
        "page": page,
        "self": page,
        "counts": counts,
        "goal_percent": min(100, counts["total"] * 100 // page.signature_goal) if page.signature_goal else None,
        "share_links": share_links(url, page.share_text or page.title),
        "share_url": url,
    }
    context.update(extra)
    return context


def render(request, page, template, status=200, **extra):
    return TemplateResponse(request, template, page_context(request, page, **extra), status=status)


def statement(request, page, form=None):
    return render(
        request,
        page,
        "statements/statement_page.html",
        form=form or SignatureForm(),
        recent_organisations=page.recent_signatures(Signature.Kind.ORGANISATION),
        recent_people=page.recent_signatures(Signature.Kind.PERSON),
    )


_live_pages = UntilNextPublish()


def live_statement(request, path):
    """The live statement page at `path` in the request's site, or None.

    Signing and confirming in a surge then cost no page lookup at all: no
    walk down the tree and no site lookup (Wagtail's costs a query with a
    few CASE expressions; the site found is handed to Wagtail the way its
    own Site.find_for_request keeps it, on the request). Only pages found
    are remembered, and at most UntilNextPublish.MAX_ITEMS of them.
    """
    pages = _live_pages.current()
    key = (request.get_host(), path)
    found = pages.get(key)
    if found is not None:
        page, request._wagtail_site = found
        return page
    site = Site.find_for_request(request)
    page = None
    if site is not None:
        url_path = f"{site.root_page.url_path}{path}/"
        page = StatementPage.objects.live().filter(url_path=url_path).first()
    if page is not None:
        pages[key] = (page, site)
    return page


def served_at(subpath, view):
    """A statement's sub-address (/<statement>/<subpath>/) as a plain URL, for the busiest ones in a surge.

    Anything at such an address that is not a statement's is left to Wagtail.
    """

    def serve(request, path):
        page = live_statement(request, path)
        if page is None:
            return wagtail_serve(request, f"{path}/{subpath}/")
        return view(request, page)

    serve.__name__ = f"{view.__name__}_at"
    return serve


@require_http_methods(["GET", "POST"])
@rate_limited("sign")
def sign(request, page):
    """POST the form; a valid signature redirects to "check your inbox" (so a reload never re-posts)."""
    if request.method != "POST":
        return redirect(signing.statement_path(page, request) + "#sign")
    form = SignatureForm(request.POST)
    if not form.is_valid():
        return statement(request, page, form=form)
    signing.record(page, form, request)
    return redirect(signing.statement_path(page, request) + page.reverse_subpage("signed"))


def signed(request, page):
    return render(request, page, "statements/check_inbox.html")


def confirm(request, page):
    """Count the signature, then send the visitor on to the thank-you page.

    The thank-you page has a plain address, so the page cache serves it:
    a surge of confirmations costs each one a few small queries.
    """
    try:
        signature = read_token(request.GET.get("token", ""), CONFIRM, page)
    except BadToken as problem:
        return render(request, page, "statements/link_problem.html", status=400, expired=problem.expired)
    thank_you = signing.statement_path(page, request) + page.reverse_subpage("confirmed")
    first_time = signing.confirm(signature)
    return redirect(thank_you if first_time else f"{thank_you}?again=1")


def confirmed(request, page):
    return render(request, page, "statements/thank_you.html", already_confirmed="again" in request.GET)


sign_at = served_at("sign", sign)
confirm_at = served_at("confirm", confirm)


@require_http_methods(["GET", "POST"])
def withdraw(request, page, token):
    """GET asks (so a mail scanner following links removes nothing); POST removes."""
    try:
        signature = read_token(token, WITHDRAW, page)
    except BadToken:
        return render(request, page, "statements/link_problem.html", status=400, withdraw=True)
    if request.method == "POST":
        signing.withdraw(signature)
        return render(request, page, "statements/withdrawn.html")
    return render(request, page, "statements/withdraw.html", signature=signature)


def signatories(request, page):
    """Everyone who agreed to be shown, newest first, searchable by name.

    Pages are fetched one row beyond their size to know whether another page
    follows, so no request ever counts the whole list.
    """
    kind = request.GET.get("kind")
    if kind not in Signature.Kind.values:
        kind = None
    query = " ".join(request.GET.get("q", "").split())[:MAX_SEARCH_LENGTH]
    try:
        number = max(1, min(int(request.GET.get("page", 1)), 100_000))
    except ValueError:
        number = 1
    rows = page.signatures.listed()
    if kind:
        rows = rows.filter(kind=kind)
    if query:
        rows = rows.filter(name__icontains=query) | rows.filter(organisation__icontains=query)
    start = (number - 1) * SIGNATORIES_PER_PAGE
    batch = list(rows[start : start + SIGNATORIES_PER_PAGE + 1])
    return render(
        request,
        page,
        "statements/signatories.html",
        signatures=batch[:SIGNATORIES_PER_PAGE],
        kind=kind,
        query=query,
        page_number=number,
        has_next=len(batch) > SIGNATORIES_PER_PAGE,
        start_number=start,
    )


@cache_control(public=True, max_age=30)
def count_json(request, path):
    """The counts as JSON for other sites and apps (/statement.json); cacheable for half a minute."""
    page = live_statement(request, path)
    if page is None:
        raise Http404
    counts = page.counts()
    return JsonResponse(
        {
            "statement": page.title,
            "url": signing.statement_url(page, request),
            "signatures": counts["total"],
            "people": counts["people"],
            "organisations": counts["organisations"],
            "goal": page.signature_goal,
        }
    )
