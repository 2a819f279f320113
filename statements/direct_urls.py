"""Signing, confirming and the JSON counts at plain URLs that skip Wagtail's page routing.

These are the addresses a surge hits: `core.pages.serve_beside_page`
remembers which statement lives where until the next publish, so a signing
costs no walk down the page tree and no site lookup, and it keeps the
statement's view restrictions (a password, a login) exactly as its page
does. Anything at such an address that is not a statement's is left to
Wagtail.
"""

from django.http import JsonResponse
from django.views.decorators.cache import cache_control

from core.cross_origin import cross_origin_protected
from core.pages import serve_beside_page

from . import signing, views
from .models import StatementPage


def served_at(subpath, view):
    """A statement's sub-address (/<statement>/<subpath>/) as a plain URL, for the busiest ones in a surge."""

    def serve(request, path):
        return serve_beside_page(request, path, (StatementPage,), view, wagtail_route=f"{path}/{subpath}/")

    serve.__name__ = f"{view.__name__}_at"
    return cross_origin_protected(serve)  # a public form: checked by origin, not by a CSRF token


sign_at = served_at("sign", views.sign)
confirm_at = served_at("confirm", views.confirm)


@cache_control(public=True, max_age=30)
def counts(request, page):
    """The counts as JSON for other sites and apps; cacheable for half a minute (unless the page is private)."""
    totals = page.counts()
    progress = page.progress(totals["total"])
    return JsonResponse(
        {
            "statement": page.title,
            "url": signing.statement_url(page, request),
            "signatures": totals["total"],
            "people": totals["people"],
            "organisations": totals["organisations"],
            "goal": progress["target"] if progress else None,  # the next milestone
        }
    )


def count_json(request, path):
    """/statement.json: a machine address, so a private statement's is a 404 to anyone who may not see it."""
    return serve_beside_page(request, path, (StatementPage,), counts)
