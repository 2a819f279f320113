"""A shared cache of anonymous page views, served before the rest of the stack runs.

Most visitors are anonymous and see the same HTML, so a surge of readers is
served from the cache (Redis when REDIS_URL is set, shared by every app
server) without touching the database. What keeps it correct:

* Only anonymous GETs without a query string are cached; editors (who have a
  session cookie) and POSTs always reach the real views.
* Forms keep their CSRF protection: the token in the stored page is replaced
  by a placeholder, and each visitor gets a fresh token of their own when
  the page is served (CsrfViewMiddleware, above this one, sets their cookie).
* Pages live for PAGE_CACHE_SECONDS, so live counts are at most that stale,
  and publishing anything (or changing site settings) empties the cache by
  moving to a new generation: each page is stored with the generation it
  was rendered in, and read together with the current one.
"""

import re
from hashlib import blake2b

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token

GENERATION_KEY = "pagecache:generation"
TOKEN_PLACEHOLDER = b"__CSRF_TOKEN__"
TOKEN_IN_FORM = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]+(")')


def current_generation():
    generation = cache.get(GENERATION_KEY)
    return generation if generation is not None else start_generation()


def start_generation():
    cache.add(GENERATION_KEY, 1, timeout=None)
    return cache.get(GENERATION_KEY, 1)


def purge():
    """Forget every cached page on every app server (old entries simply expire)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 1, timeout=None)


def cache_key(request):
    host = request.get_host()
    digest = blake2b(f"{host}{request.path}".encode(), digest_size=16).hexdigest()
    return f"pagecache:{digest}"


def is_anonymous(request):
    return not any(name in request.COOKIES for name in (settings.SESSION_COOKIE_NAME, "messages"))


def may_cache_request(request):
    return request.method in ("GET", "HEAD") and not request.META.get("QUERY_STRING") and is_anonymous(request)


def may_cache_response(response):
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not any(word in control for word in ("private", "no-cache", "no-store"))
        and settings.SESSION_COOKIE_NAME not in response.cookies
        and not getattr(response, "skip_page_cache", False)
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not seconds or not may_cache_request(request):
            return self.get_response(request)
        key = cache_key(request)
        # The generation and the page in one round trip; a page stored under
        # an older generation is stale (something was published since).
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or start_generation()
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            return self.from_cache(request, stored)
        response = self.get_response(request)
        if may_cache_response(response):
            content = TOKEN_IN_FORM.sub(rb"\g<1>" + TOKEN_PLACEHOLDER + rb"\g<2>", response.content)
            cache.set(key, (generation, content, response["Content-Type"]), seconds)
            response["X-Page-Cache"] = "miss"
        return response

    def from_cache(self, request, stored):
        _, content, content_type = stored
        if TOKEN_PLACEHOLDER in content:
            content = content.replace(TOKEN_PLACEHOLDER, get_token(request).encode())
        response = HttpResponse(content, content_type=content_type)
        response["X-Page-Cache"] = "hit"
        return response
