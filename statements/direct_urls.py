"""Signing, confirming and the JSON counts at plain URLs that skip Wagtail's page routing.

These are the addresses a surge hits: `core.pages.serve_beside_page`
remembers which statement lives where until the next publish, so a signing
costs no walk down the page tree and no site lookup. They are the only
route for signing and confirming (the page has none of its own): for a
statement with a view restriction (a password, a login), Wagtail's own
serving hooks run here, so a visitor sees its password form or login page.
Anything at such an address that is not a statement's is left to Wagtail.
"""

from django.http import HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from core.cross_origin import cross_origin_protected
from core.database_outage import shows_the_form_back_when_the_database_is_down
from core.pages import serve_beside_page

from . import signing, views
from .constituencies import by_constituency_for_json
from .models import StatementPage
from .share_card import REFRESH_SECONDS, card_png


def beside_statement(subpath, view):
    """A statement's sub-address (/<statement>/<subpath>/): the one route of `view`, which people open."""

    def serve(request, path):
        return serve_beside_page(
            request, path, (StatementPage,), view, opened_in_browser=True, wagtail_route=f"{path}/{subpath}/"
        )

    serve.__name__ = f"{view.__name__}_at"
    return cross_origin_protected(serve)  # a public form: checked by origin, not by a CSRF token


shows_the_form_back = shows_the_form_back_when_the_database_is_down(views.sign_unavailable)
sign_beside_statement = shows_the_form_back(beside_statement("sign", views.sign))
confirm_beside_statement = beside_statement("confirm", views.confirm)


@cache_control(public=True, max_age=30)
def counts(request, page):
    """The counts as JSON for other sites and apps; cacheable for half a minute (unless the page is private).

    A partner's site may read them from its own pages' scripts (CORS: any origin, never with
    credentials: a browser hands a script the answer only to a request made without the visitor's
    cookies, so what a signed-in visitor may see of a private statement stays on this site).
    """
    kept = page.counter_totals()
    totals = page.counts(kept)
    progress = page.progress(totals["total"])
    spread = page.spread(kept)
    response = JsonResponse(
        {
            "statement": page.title,
            "url": signing.statement_url(page, request),
            "signatures": totals["total"],
            "people": totals["people"],
            "organisations": totals["organisations"],
            "goal": progress["target"] if progress else None,  # the next milestone
            "by_union": dict(spread["unions"]),  # largest first; "Other unions" for those not on the list
            "by_region": dict(spread["regions"]),
            "by_constituency": by_constituency_for_json(page, kept),  # {code: {"name", "count"}}, largest first
        }
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def count_json(request, path):
    """/statement.json: a machine address, so a private statement's is a 404 to anyone who may not see it."""
    return serve_beside_page(request, path, (StatementPage,), counts)


@require_safe
def share_card(request, page):
    """The statement's share card (statements/share_card.py), cacheable as long as it is kept."""
    response = HttpResponse(card_png(page, request), content_type="image/png")
    patch_cache_control(response, public=True, max_age=REFRESH_SECONDS)
    return response


def share_card_at(request, path):
    """/statement/share-card.png: a machine address, so a private statement's is a 404 as its .json is."""
    return serve_beside_page(request, path, (StatementPage,), share_card)
