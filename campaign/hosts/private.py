"""What every host's page wears: private (never cached, not indexed, no referrer), origin-checked, rate-limited.

The link's token is in the page's address, so a Referer header would hand it to any site a host
follows a link to: every response says `Referrer-Policy: no-referrer`. `as_host` reads the token
from the path and hands the view the host it names, or shows the bad-link page (status 400).
"""

from functools import wraps

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.cross_origin import cross_origin_protected
from core.protection import rate_limited
from core.signed_links import BadToken

from .access import host_for
from .forms import NewLinkForm


def private(view):
    """No cache keeps it, no search engine lists it, no other site learns its address from a Referer."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return cross_origin_protected(never_cache(wrapped))


def bad_link(request, expired=False, status=400):
    context = {"expired": expired, "form": NewLinkForm()}
    return TemplateResponse(request, "hosts/bad_link.html", context, status=status)


def as_host(scope, limit=30):
    """A host's view: GET and POST only, POSTs rate-limited under `scope`, called with the link's host."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, token, *args, **kwargs):
            try:
                host = host_for(token)
            except BadToken as error:
                return bad_link(request, expired=error.expired)
            return view(request, host, token, *args, **kwargs)

        return private(require_http_methods(["GET", "HEAD", "POST"])(rate_limited(scope, limit=limit)(wrapped)))

    return decorator
