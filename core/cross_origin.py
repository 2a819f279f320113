"""Tokenless protection of the public forms against cross-site posts, from the browser's own headers.

Why not Django's CSRF tokens on public pages: a token is per visitor, so
every anonymous page would differ per visitor (no CDN or caching proxy could
serve it) and would set a cookie. Instead, a POST to a public view is
refused when the browser says it comes from another site:

* `Sec-Fetch-Site` (Fetch Metadata, sent by every current browser):
  `same-origin` or `none` (typed by the visitor) passes; `cross-site` and
  `same-site` (another host under the same domain, which this site does not
  control) are refused.
* Without it (an older browser), the `Origin` header must be this site's own
  origin (scheme and host, so HTTPS behind a proxy relies on
  SECURE_PROXY_SSL_HEADER) or one of CSRF_TRUSTED_ORIGINS; `Origin: null`
  (sandboxed frames, some redirects) is refused.
* A trusted origin (CSRF_TRUSTED_ORIGINS, e.g. a partner's site embedding
  the form; "https://*.partner.org" covers every name under it, as in
  Django) passes whatever Sec-Fetch-Site says.
* A request with neither header is not from a current browser: a browser
  cannot be made to send it by another site, so it passes and meets the
  forms' rate limits like any other.

This is the check OWASP's CSRF guidance and Go 1.25's CrossOriginProtection
describe. SECURITY.md explains its limits.

Which views are public: Wagtail's page serving (every page's forms and
routes) and views marked with `cross_origin_protected`. Everything else (the
Wagtail admin, its sign-in and two-factor screens, the Django admin, any
view added later and not marked) keeps Django's CSRF tokens: the middleware
below is Django's CsrfViewMiddleware for them, so the default fails closed;
a public view never reaches its check (a public view that also wore Django's
csrf_protect would ask for a token again: closed, not open).
It is one middleware rather than a decorator alone because Wagtail serves
every page through one view, before any page's own route is known.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from wagtail.views import serve as wagtail_serve

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
BROWSER_SAYS_SAME_ORIGIN = {"same-origin", "none"}


def cross_origin_protected(view):
    """Mark a public view: its POSTs are checked by origin, not by a CSRF token."""
    view.cross_origin_protected = True
    return view


def is_public(view):
    return view is wagtail_serve or getattr(view, "cross_origin_protected", False)


class CrossOriginProtectionMiddleware(CsrfViewMiddleware):
    """Django's CSRF middleware for staff views; the origin check for public ones (in place of it in MIDDLEWARE)."""

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if not is_public(callback):
            return super().process_view(request, callback, callback_args, callback_kwargs)
        if request.method in SAFE_METHODS or same_origin(request):
            return None  # no token is asked for: Django's check above never ran for this view
        return render(request, "core/cross_origin_refused.html", status=403)


def same_origin(request):
    """True unless the browser's headers say the request comes from another site."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    origin = request.headers.get("Origin")
    if origin is not None and (origin == this_sites_origin(request) or is_trusted(origin)):
        return True
    if fetch_site is not None:
        return fetch_site in BROWSER_SAYS_SAME_ORIGIN
    return origin is None  # neither header: not a browser a page can drive


def this_sites_origin(request):
    """The scheme and host this request came to ("https://example.org"); None for a host the site does not serve."""
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return None


def is_trusted(origin):
    """Whether CSRF_TRUSTED_ORIGINS names `origin`: as it is, or under a "https://*.example.org" entry.

    As in Django's own check, "*.example.org" covers example.org and every
    name under it, with the scheme (and port, if given) the entry has.
    """
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return True
    try:
        sender = urlsplit(origin)
    except ValueError:  # "http://[", say: no origin a browser sends
        return False
    return any(covers(urlsplit(entry), sender) for entry in settings.CSRF_TRUSTED_ORIGINS)


def covers(entry, sender):
    """Whether a trusted "scheme://*.domain" entry covers the sender's origin (both split by urlsplit)."""
    if entry.scheme != sender.scheme or not entry.netloc.startswith("*."):
        return False
    domain, host = entry.netloc[2:].lower(), sender.netloc.lower()
    return host == domain or host.endswith("." + domain)
