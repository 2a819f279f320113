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

from django.http import Http404, HttpResponse
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from .publish_clock import KeptUntilNextPublish

_found = KeptUntilNextPublish()


def find_live_page(site, path, page_types):
    """The live page of `page_types` at `path` in the site's tree of the active language (Wagtail's `localized`)."""
    url_path = f"{site.root_page.localized.url_path}{path}/"
    if len(page_types) == 1:
        return page_types[0].objects.live().filter(url_path=url_path).first()
    return Page.objects.live().type(*page_types).filter(url_path=url_path).specific().first()


def _remembered_page_at(request, path, page_types):
    """(page, its view restrictions) for the live page of one of `page_types` at `path`, or None.

    `path` is "a/b", no slashes around, in the request's site, in the request's
    language (core.languages: the address's prefix is not part of `path`). The
    restrictions are the page's own and its ancestors', as Wagtail's
    `Page.get_view_restrictions` finds them; for a public page, none.
    """
    pages = _found.current()
    key = (request.get_host(), translation.get_language(), path, page_types)
    found = pages.get(key)
    if found is None:
        site = Site.find_for_request(request)
        page = find_live_page(site, path, page_types) if site is not None else None
        if page is None:
            return None
        found = pages[key] = (page, tuple(page.get_view_restrictions().prefetch_related("groups")))
    return found


def serve_with_wagtails_hooks(request, page, view):
    """`view(request, page)` served as Wagtail's serve view serves a page's route, through its public hooks.

    The `before_serve_page` hooks (the methods a route takes) and the
    `on_serve_page` chain, where Wagtail's check_view_restrictions shows the
    password form or sends the visitor to log in, and marks what it lets
    through never-cache. The route is handed over as a routable page's is:
    (view, args, kwargs).
    """
    serve_args, serve_kwargs = (view, (), {}), {}

    def serve(page, request, args, kwargs):
        return view(request, page)

    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        serve = wrap(serve)
    for hook in hooks.get_hooks("before_serve_page"):
        answer = hook(page, request, serve_args, serve_kwargs)
        if isinstance(answer, HttpResponse):
            return answer
    return serve(page, request, serve_args, serve_kwargs)


def serve_beside_page(request, path, page_types, view, *, opened_in_browser=False, wagtail_route=None):
    """Serve a plain URL beside the live page at `path` as serving the page itself would: privacy included.

    * No live page of `page_types` there: Wagtail serves `wagtail_route` (so
      any other page at such an address still works), or, with no route, 404.
    * A public page: `view(request, page)` at once; the page and its lack of
      restrictions are remembered, so this costs no query.
    * A page with a view restriction (a password, a login or groups, on it or
      on an ancestor):
      - an address people open (`opened_in_browser`: signing, confirming) is
        served through Wagtail's own hooks (`serve_with_wagtails_hooks`): the
        password form or the login page for a visitor who has not passed,
        the same view, never cached, for one who has.
      - a machine address (.json, .ics) cannot show a calendar program a
        password form: 404, saying nothing about what is there, unless the
        request passes every restriction (`accept_request`); then it is
        served never-cache, as Wagtail's check would.
    """
    found = _remembered_page_at(request, path, page_types)
    if found is None:
        if wagtail_route is None:
            raise Http404
        return wagtail_serve(request, wagtail_route)
    page, restrictions = found
    if not restrictions:
        return view(request, page)
    if opened_in_browser:
        return serve_with_wagtails_hooks(request, page, view)
    if not all(restriction.accept_request(request) for restriction in restrictions):
        raise Http404
    return serve_with_wagtails_hooks(request, page, view)
