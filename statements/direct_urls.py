"""Signing, confirming and the JSON counts at plain URLs that skip Wagtail's page routing.

These are the addresses a surge hits: `core.pages.live_page_at` remembers
which statement lives where until the next publish, so a signing costs no
walk down the page tree and no site lookup. Anything at such an address
that is not a statement's is left to Wagtail.
"""

from django.http import Http404, JsonResponse
from django.views.decorators.cache import cache_control
from wagtail.views import serve as wagtail_serve

from core.pages import live_page_at

from . import signing, views
from .models import StatementPage


def served_at(subpath, view):
    """A statement's sub-address (/<statement>/<subpath>/) as a plain URL, for the busiest ones in a surge."""

    def serve(request, path):
        page = live_page_at(request, path, StatementPage)
        if page is None:
            return wagtail_serve(request, f"{path}/{subpath}/")
        return view(request, page)

    serve.__name__ = f"{view.__name__}_at"
    return serve


sign_at = served_at("sign", views.sign)
confirm_at = served_at("confirm", views.confirm)


@cache_control(public=True, max_age=30)
def count_json(request, path):
    """The counts as JSON for other sites and apps (/statement.json); cacheable for half a minute."""
    page = live_page_at(request, path, StatementPage)
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
