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
  render. Publishing anything (or changing site settings) empties the cache by
  moving to a new generation: each page is stored with the generation it
  was rendered in, and a page of an older generation is never served.
* Each app server process also keeps the generation and the pages it
  served for PAGE_CACHE_LOCAL_SECONDS (1): a surge on one page then costs
  no round trip to the shared cache per view, and a publish reaches every
  server within that second.
"""

import time
from functools import wraps
from hashlib import blake2b
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import page_encodings

GENERATION_KEY = "pagecache:generation"
LOCAL_PAGES_MAX = 500

# What this process knows without asking the shared cache, for at most
# PAGE_CACHE_LOCAL_SECONDS: the generation, and the pages it served.
_local = {"generation": None, "read_at": 0.0, "pages": {}}


def local_seconds():
    return getattr(settings, "PAGE_CACHE_LOCAL_SECONDS", 0)


def current_generation():
    """The generation of cached pages; re-read from the shared cache at most every PAGE_CACHE_LOCAL_SECONDS."""
    now = time.monotonic()
    if _local["generation"] is not None and now - _local["read_at"] < local_seconds():
        return _local["generation"]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        start_generation()
        generation = cache.get(GENERATION_KEY)
    if generation != _local["generation"]:
        _local["pages"] = {}
    _local.update(generation=generation, read_at=now)
    return generation


def start_generation():
    """Start counting from the time in milliseconds, not from 1.

    If the shared cache is emptied (a Redis restart), the next generation is
    still one no process has seen, so nothing remembered from before it is used.
    """
    cache.add(GENERATION_KEY, time.time_ns() // 1_000_000, timeout=None)


def forget_local():
    """Drop what this process remembers (the shared cache is untouched)."""
    _local.update(generation=None, read_at=0.0, pages={})


def purge():
    """Forget every cached page on every app server (each within PAGE_CACHE_LOCAL_SECONDS)."""
    forget_local()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        start_generation()


def purge_now_and_on_commit():
    """Purge at once, and again when the change commits.

    Changes to what visitors see (a publish, a withdrawn signature) often
    happen inside a transaction; a view in another process may cache the old
    page in that gap, and the second purge forgets it.
    """
    purge()
    transaction.on_commit(purge)


class UntilNextPublish:
    """A dict this process keeps until the next publish, for what is costly to work out per request.

    Such as where a page lives. Emptied when the generation moves on, and at
    least every MAX_AGE seconds (a safety net: with no shared cache, other
    processes never see this one's publishes), and when it holds MAX_ITEMS
    (its keys include the Host header, which a visitor chooses).
    """

    MAX_AGE = 30
    MAX_ITEMS = 100

    def __init__(self):
        self.state = (None, 0.0, {})

    def current(self):
        generation, started, items = self.state
        now, latest = time.monotonic(), current_generation()
        if generation != latest or now - started > self.MAX_AGE or len(items) >= self.MAX_ITEMS:
            items = {}
            self.state = (latest, now, items)
        return items


class StoredPage(NamedTuple):
    """A page as the shared cache keeps it: each encoding's body, until when (time.time()) it is fresh,
    and the query parameters it reads (a request carrying one of them is not this page)."""

    generation: int
    bodies: dict
    content_type: str
    fresh_until: float
    query: frozenset = frozenset()


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
    # "v4": entries hold each encoding's body, when they go stale and the query parameters they read;
    # a deploy must never read an older shape.
    return f"pagecache:v4:{digest}"


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
    max_age = getattr(settings, "PUBLIC_CACHE_MAX_AGE", 0)
    return f"public, max-age={max_age}, s-maxage={getattr(settings, 'PUBLIC_CACHE_S_MAXAGE', max_age)}"


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
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if seconds:
            generation = current_generation()
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
        stored = StoredPage(generation, bodies, response["Content-Type"], time.time() + seconds, query)
        cache.set(key, stored, 2 * seconds)  # fresh for `seconds`, then served while it is rendered anew
        self.keep_locally(key, stored)
        return self.from_cache(request, stored, "miss")

    def recall(self, key, generation):
        """The stored page of this generation: from this process if it is fresh, else from the shared cache."""
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
        if not local_seconds():
            return
        pages = _local["pages"]
        if len(pages) >= LOCAL_PAGES_MAX:
            pages.clear()
        pages[key] = (time.monotonic() + local_seconds(), stored)

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
        response["X-Page-Cache"] = outcome
        response["Cache-Control"] = public_cache_control()
        return response
