"""Caches kept short of a closing time: the time passing is no publish, so nothing else would empty them then.

No model import: the statement's views use it, and the page model imports them.
"""

import math

from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_cache_control


def longest_kept_seconds():
    """How long after rendering a page can still be served: the page cache's stale copies, a process's, then a CDN's."""
    shared = 2 * settings.PAGE_CACHE_SECONDS  # fresh for PAGE_CACHE_SECONDS, then served while rendered anew
    public = max(settings.PUBLIC_CACHE_MAX_AGE, settings.PUBLIC_CACHE_S_MAXAGE)
    return shared + settings.PAGE_CACHE_LOCAL_SECONDS + public


def kept_no_later_than(response, moment, now=None):
    """Let no cache keep `response` past `moment` (a closing time; None: no limit). Returns the response.

    Within the longest time a page may be kept before it, the page is not
    stored by the page cache (core.page_cache reads `skip_page_cache`) and
    tells browsers and CDNs to keep it only until then. Earlier and later it
    is cached as any page is.
    """
    now = now or timezone.now()
    if moment is None or moment <= now:
        return response
    seconds_left = (moment - now).total_seconds()
    if seconds_left <= longest_kept_seconds():
        response.skip_page_cache = True
        keep = math.floor(seconds_left)
        patch_cache_control(response, public=True, max_age=keep, s_maxage=keep)
    return response
