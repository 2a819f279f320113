"""Plain URLs beside a page, served with the page's privacy, without Wagtail's walk down the page tree.

For the addresses that sit beside a page (a statement's signing address,
its .json counts, an events list's .ics feed): the page is looked up by its
url_path in the request's site and remembered in this process, with its
view restrictions, until the next publish or change of a restriction
(both move the publish clock on, core/signals.py), so a surge of POSTs costs
no page lookup at all. Only pages found are remembered, and at most
KeptUntilNextPublish.MAX_ITEMS of them (the keys include the Host header, which
a visitor chooses).

`serve_beside_page` is the one place where such a URL decides whether the
visitor may see the page: every fast path goes through it, so a password,
login or group restriction holds there exactly as it does on the page.
"""

from django.http import Http404
from django.utils.cache import add_never_cache_headers
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from .publish_clock import KeptUntilNextPublish

_found = KeptUntilNextPublish()


def find_live_page(site, path, page_types):
    url_path = f"{site.root_page.url_path}{path}/"
    if len(page_types) == 1:
        return page_types[0].objects.live().filter(url_path=url_path).first()
    return Page.objects.live().type(*page_types).filter(url_path=url_path).specific().first()


def _remembered_page_at(request, path, page_types):
    """(page, its view restrictions) for the live page of one of `page_types` at `path`, or None.

    `path` is "a/b", no slashes around, in the request's site. The
    restrictions are the page's own and its ancestors', as Wagtail's
    `Page.get_view_restrictions` finds them; for a public page, none.
    """
    pages = _found.current()
    key = (request.get_host(), path, page_types)
    found = pages.get(key)
    if found is None:
        site = Site.find_for_request(request)
        page = find_live_page(site, path, page_types) if site is not None else None
        if page is None:
            return None
        found = pages[key] = (page, tuple(page.get_view_restrictions().prefetch_related("groups")))
    return found


def serve_beside_page(request, path, page_types, view, wagtail_route=None):
    """Serve a plain URL beside the live page at `path` as serving the page itself would: privacy included.

    * No live page of `page_types` there: Wagtail serves `wagtail_route` (so
      any other page at such an address still works), or, with no route, 404.
    * A public page: `view(request, page)` at once; the page and its lack of
      restrictions are remembered, so this costs no query.
    * A page with a view restriction (a password, a login or groups, on it or
      on an ancestor):
      - a page's own sub-address (`wagtail_route`, e.g. "statement/sign/")
        goes to Wagtail's serve, whose restriction check shows the password
        form or sends the visitor to log in, and serves the route, never
        cached, to whoever passes. Nothing of that check is copied here, and
        a private page is never the surge the fast path is for.
      - a machine address (no `wagtail_route`: .json, .ics) cannot show a
        calendar program a password form: 404, saying nothing about what is
        there, unless the request passes every restriction as Wagtail checks
        it (`accept_request`); then it is served with never-cache headers, as
        Wagtail serves a restricted page.
    """
    found = _remembered_page_at(request, path, page_types)
    if found is None or (found[1] and wagtail_route):
        if wagtail_route is None:
            raise Http404
        return wagtail_serve(request, wagtail_route)
    page, restrictions = found
    if not all(restriction.accept_request(request) for restriction in restrictions):
        raise Http404
    response = view(request, page)
    if restrictions:
        add_never_cache_headers(response)
    return response
