"""A shared cache of anonymous page views, served before the rest of the stack runs.

Most visitors are anonymous and see the same HTML, so a surge of readers is
served from the cache (Redis when REDIS_URL is set, shared by every app
server) without touching the database. What keeps it correct:

* Only anonymous GETs are cached; editors (who have a session cookie) and
  POSTs always reach the real views. A query string neither splits nor
  bypasses the cache: `/statement/?utm_source=x` is the cached statement.
  Only the query parameters a page says it reads (`varies_on_query`: a
  list's position, a search) make it a page of its own, rendered for that
  request and never stored, as a search for anything a visitor types must be.
* No page holds anything of one visitor's own: public forms are protected
  by origin, not by a CSRF token (core/cross_origin.py), so every anonymous
  visitor gets the same bytes. A page that minted a token or set a cookie
  all the same (a private page's password form) is never cached.
* The body is stored compressed (gzip, and brotli when the `brotli` package
  is installed) next to the plain one, once per page: each visitor gets the
  one their Accept-Encoding asks for, with `Vary: Accept-Encoding`. No
  secret is in the HTML, so compression gives BREACH nothing to find.
* The same anonymous pages tell browsers, CDNs and caching proxies they may
  keep them (`Cache-Control: public, max-age=..., s-maxage=...`, see
  PUBLIC_CACHE_MAX_AGE); what answers a POST or may be personal says
  `private` (see `mark_private`).
* A page is fresh for PAGE_CACHE_SECONDS. Then the first request for it
  renders it anew while every other process goes on serving the copy it
  has (for at most another PAGE_CACHE_SECONDS), so a surge never has every
  worker render the same page at once: live counts are that stale, plus a
  render. Each page is stored with the reading of the publish clock
  (core/publish_clock.py) it was rendered at, and a page from an older
  reading is never served: publishing anything empties the cache.
* Each app server process also keeps the pages it served for
  PAGE_CACHE_LOCAL_SECONDS (1): a surge on one page then costs no round
  trip to the shared cache per view, and a publish reaches every server
  within that second.
"""

import time
from functools import wraps
from hashlib import blake2b
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import page_encodings, publish_clock

LOCAL_PAGES_MAX = 500

# The pages this process served, each kept PAGE_CACHE_LOCAL_SECONDS, and the clock's reading they belong to.
_local = {"generation": None, "pages": {}}


def forget_local():
    """Drop what this process remembers: its pages and its reading of the publish clock (not the shared cache)."""
    _local.update(generation=None, pages={})
    publish_clock.forget_reading()


class StoredPage(NamedTuple):
    """A page as the shared cache keeps it: each encoding's body, until when (time.time()) it is fresh,
    and the query parameters it reads (a request carrying one of them is not this page)."""

    generation: int
    bodies: dict
    content_type: str
    fresh_until: float
    query: frozenset = frozenset()
    # The few headers a page sets for itself and keeps when served again (KEPT_HEADERS): an embed's
    # framing policy for its partner (statements.embed_partners), and its leave to be framed at all.
    headers: tuple = ()
    frame_exempt: bool = False


# A page's own headers kept with it; every other header is the same for every cached page.
KEPT_HEADERS = ("Content-Security-Policy",)


def declare_query(request, *names):
    """Say that the page this request renders reads these query parameters; it ignores every other one."""
    request.page_cache_query = declared_query(request) | frozenset(names)


def declared_query(request):
    return getattr(request, "page_cache_query", frozenset())


def varies_on_query(*names):
    """Decorate a view whose page reads these query parameters (see `declare_query`)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            declare_query(request, *names)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def asks_for_its_own_page(request, names):
    """True when the request carries one of the query parameters `names` that its page reads."""
    return bool(names) and any(name in request.GET for name in names)


def cache_key(request):
    host = request.get_host()
    digest = blake2b(f"{host}{request.path}".encode(), digest_size=16).hexdigest()
    # "v5": entries hold each encoding's body, when they go stale, the query parameters they read
    # and the page's own headers; a deploy must never read an older shape.
    return f"pagecache:v5:{digest}"


def rendering_key(key):
    """Held (for at most PAGE_CACHE_SECONDS) by the one process rendering a stale page anew."""
    return f"{key}:rendering"


def is_anonymous(request):
    return not any(name in request.COOKIES for name in (settings.SESSION_COOKIE_NAME, "messages"))


def may_cache_request(request):
    return request.method in ("GET", "HEAD") and is_anonymous(request)


def may_cache_response(request, response):
    """A page every anonymous visitor may be given: no cookie set, no CSRF token minted, nothing marked private."""
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not any(word in control for word in ("private", "no-cache", "no-store"))
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a token of this visitor's own
        and not getattr(response, "skip_page_cache", False)
    )


def public_cache_control():
    """Browsers may keep the page PUBLIC_CACHE_MAX_AGE seconds, CDNs and caching proxies PUBLIC_CACHE_S_MAXAGE."""
    return f"public, max-age={settings.PUBLIC_CACHE_MAX_AGE}, s-maxage={settings.PUBLIC_CACHE_S_MAXAGE}"


def mark_public(response):
    """A page any cache may keep; a view that chose its own (public) Cache-Control keeps it."""
    if not response.has_header("Cache-Control"):
        response["Cache-Control"] = public_cache_control()
    return response


def mark_private(request, response):
    """Say what no shared cache may keep, where the view said nothing itself.

    An answer to a POST (a form with its errors shows what the visitor typed)
    is never stored at all; any other page not cached here (a search or a
    list's later page, a signed-in editor's view, a page with a token) may
    not be shared.
    """
    if response.has_header("Cache-Control"):
        return response
    if request.method not in ("GET", "HEAD"):
        patch_cache_control(response, private=True, no_store=True)
    elif response.get("Content-Type", "").startswith("text/html"):
        patch_cache_control(response, private=True, no_cache=True)
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_cache_request(request):
            return mark_private(request, self.get_response(request))
        seconds = settings.PAGE_CACHE_SECONDS
        if seconds:
            generation = publish_clock.current_generation()
            key = cache_key(request)
            stored = self.recall(key, generation)
            if stored is not None and asks_for_its_own_page(request, stored.query):
                return mark_private(request, self.get_response(request))
            if stored is not None and stored.fresh_until > time.time():
                return self.from_cache(request, stored, "hit")
            if stored is not None and not cache.add(rendering_key(key), 1, timeout=seconds):
                return self.from_cache(request, stored, "stale")  # another process is rendering it
        response = self.get_response(request)
        query = declared_query(request)
        if not may_cache_response(request, response) or asks_for_its_own_page(request, query):
            return mark_private(request, response)
        if not seconds:
            return mark_public(response)
        bodies = page_encodings.encode_all(response.content)
        headers = tuple((name, response[name]) for name in KEPT_HEADERS if response.has_header(name))
        frame_exempt = getattr(response, "xframe_options_exempt", False)
        stored = StoredPage(
            generation, bodies, response["Content-Type"], time.time() + seconds, query, headers, frame_exempt
        )
        cache.set(key, stored, 2 * seconds)  # fresh for `seconds`, then served while it is rendered anew
        self.keep_locally(key, stored)
        return self.from_cache(request, stored, "miss")

    def recall(self, key, generation):
        """The stored page of this generation: from this process if it is fresh, else from the shared cache."""
        if _local["generation"] != generation:
            _local.update(generation=generation, pages={})
        local = _local["pages"].get(key)
        if local is not None and local[0] > time.monotonic() and local[1].generation == generation:
            return local[1]
        stored = cache.get(key)
        # A page rendered in an older generation is never served: something was published since.
        if stored is None or stored.generation != generation:
            return None
        self.keep_locally(key, stored)
        return stored

    def keep_locally(self, key, stored):
        if not settings.PAGE_CACHE_LOCAL_SECONDS:
            return
        pages = _local["pages"]
        if len(pages) >= LOCAL_PAGES_MAX:
            pages.clear()
        pages[key] = (time.monotonic() + settings.PAGE_CACHE_LOCAL_SECONDS, stored)

    def from_cache(self, request, stored, outcome):
        """The stored page in the encoding this visitor accepts; the same bytes for everyone who accepts it."""
        encoding = page_encodings.choose(request.META.get("HTTP_ACCEPT_ENCODING", ""), stored.bodies)
        content = stored.bodies[encoding]
        response = HttpResponse(content, content_type=stored.content_type)
        if encoding != page_encodings.IDENTITY:
            response["Content-Encoding"] = encoding
        # As CommonMiddleware (below this one) would: without it the app server sends the page in chunks.
        response["Content-Length"] = str(len(content))
        patch_vary_headers(response, ("Accept-Encoding",))
        for name, value in stored.headers:
            response[name] = value
        response.xframe_options_exempt = stored.frame_exempt
        response["X-Page-Cache"] = outcome
        response["Cache-Control"] = public_cache_control()
        return response
