"""The statement's pages as visitors see them: routed by StatementPage, except signing and the JSON counts (urls.py)."""

from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from home.page_cache import current_generation
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


def live_statement(request, path):
    """The live statement page at `path` in the request's site, or None.

    Which page sits at an address is remembered in the cache until the next
    publish or move (the page cache's generation), so a surge of signings
    costs one query here, not the site lookup and the walk down the tree.
    """
    key = f"statements:at:{current_generation()}:{request.get_host()}:{path}"
    page_id = cache.get(key)
    if page_id is None:
        site = Site.find_for_request(request)
        page = None
        if site is not None:
            url_path = f"{site.root_page.url_path}{path}/"
            page = StatementPage.objects.live().filter(url_path=url_path).first()
        cache.set(key, page.pk if page else 0, 300)
        return page
    return StatementPage.objects.live().filter(pk=page_id).first() if page_id else None


def sign_at(request, path):
    """/<statement>/sign/ as a plain URL, the busiest address in a surge.

    Anything at such an address that is not a statement's is left to Wagtail.
    """
    page = live_statement(request, path)
    if page is None:
        return wagtail_serve(request, f"{path}/sign/")
    return sign(request, page)


@require_http_methods(["GET", "POST"])
@rate_limited("sign")
def sign(request, page):
    """POST the form; a valid signature redirects to "check your inbox" (so a reload never re-posts)."""
    if request.method != "POST":
        return redirect(page.url + "#sign")
    form = SignatureForm(request.POST)
    if not form.is_valid():
        return statement(request, page, form=form)
    signing.record(page, form, request)
    return redirect(page.url + page.reverse_subpage("signed"))


def signed(request, page):
    return render(request, page, "statements/check_inbox.html")


def confirm(request, page, token):
    try:
        signature = read_token(token, CONFIRM, page)
    except BadToken as problem:
        return render(request, page, "statements/link_problem.html", status=400, expired=problem.expired)
    first_time = signing.confirm(signature)
    return render(request, page, "statements/thank_you.html", already_confirmed=not first_time)


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
