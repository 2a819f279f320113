"""Where the campaign's printed QR codes point: the statement people are asked to sign.

The QR code carries the source code "poster" (`?src=poster`), so the dashboard counts
the signatures that came from supporters' own posters (statements.referrals).
"""

from wagtail.models import Site

from statements.models import StatementPage
from statements.referrals import POSTER_CODE, with_source


def statement_page():
    """The first live statement page in the tree that anyone may open: a printed code never leads to a password form."""
    return StatementPage.objects.live().public().order_by("path").first()


def statement_url(request):
    """Absolute address of the statement page with the posters' source code, or of the site's home page if none."""
    page = statement_page()
    path = page.get_url(request) if page is not None else None
    if not path:
        site = Site.find_for_request(request)
        path = site.root_page.get_url(request) if site else "/"
        return request.build_absolute_uri(path or "/")
    return with_source(request.build_absolute_uri(path), POSTER_CODE)


def statement_full_url(site):
    """The statement's address without a request (for printed demo posters): from the Site's settings."""
    page = statement_page()
    url = page.get_full_url() if page is not None else None
    return url or f"{site.root_url}/"
