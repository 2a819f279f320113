"""The live page at an address, found without Wagtail's walk down the page tree.

For the plain URLs that sit beside a page (a statement's signing address,
an events list's .ics feed): the page is looked up by its url_path in the
request's site and remembered in this process until the next publish, so a
surge of POSTs costs no page lookup at all. Only pages found are
remembered, and at most UntilNextPublish.MAX_ITEMS of them (the keys
include the Host header, which a visitor chooses).
"""

from wagtail.models import Page, Site

from .page_cache import UntilNextPublish

_found = UntilNextPublish()


def find_live_page(site, path, page_types):
    url_path = f"{site.root_page.url_path}{path}/"
    if len(page_types) == 1:
        return page_types[0].objects.live().filter(url_path=url_path).first()
    return Page.objects.live().type(*page_types).filter(url_path=url_path).specific().first()


def live_page_at(request, path, *page_types):
    """The live page of one of `page_types` at `path` ("a/b", no slashes around) in the request's site, or None."""
    pages = _found.current()
    key = (request.get_host(), path, page_types)
    page = pages.get(key)
    if page is None:
        site = Site.find_for_request(request)
        page = find_live_page(site, path, page_types) if site is not None else None
        if page is not None:
            pages[key] = page
    return page
