"""The publish clock: a number every app server shares, moved on whenever what visitors see changes.

Whatever is kept because working it out per request is costly (cached pages,
where a page lives, the list of unions) is kept for one reading of this clock
and forgotten when it moves on. It moves on when Wagtail publishes, unpublishes
or moves a page, when site settings or a page's privacy change (core.signals),
and when an app sends `content_changed`. Each process re-reads it at most every
PAGE_CACHE_LOCAL_SECONDS, so a change reaches every server within that.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal

GENERATION_KEY = "publishclock:generation"

# An app sends this (sender: its model) when something visitors see changed
# without a Wagtail publish: a counted signature edited or withdrawn, a union
# renamed. core.signals moves the clock on, which empties the page cache.
content_changed = Signal()

# This process's last reading, trusted for PAGE_CACHE_LOCAL_SECONDS.
_reading = {"generation": None, "read_at": 0.0}


def current_generation():
    """The clock's reading; asked of the shared cache at most every PAGE_CACHE_LOCAL_SECONDS."""
    now = time.monotonic()
    if _reading["generation"] is not None and now - _reading["read_at"] < settings.PAGE_CACHE_LOCAL_SECONDS:
        return _reading["generation"]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        start_generation()
        generation = cache.get(GENERATION_KEY)
    _reading.update(generation=generation, read_at=now)
    return generation


def start_generation():
    """Start from the time in milliseconds, not from 1: after Redis is emptied the clock still reads anew."""
    cache.add(GENERATION_KEY, time.time_ns() // 1_000_000, timeout=None)


def forget_reading():
    """Make this process ask the shared cache for the clock on its next reading."""
    _reading.update(generation=None, read_at=0.0)


def advance():
    """Move the clock on: this process sees it at once, every other within PAGE_CACHE_LOCAL_SECONDS."""
    forget_reading()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        start_generation()


def advance_now_and_on_commit():
    """Move the clock on at once, and again when the change commits.

    Changes happen inside transactions; another process may keep what it read
    before the commit in that gap, and the second move forgets it.
    """
    advance()
    transaction.on_commit(advance)


class KeptUntilNextPublish:
    """A dict this process keeps until the publish clock moves on, for what is costly to work out per request.

    Also emptied at least every MAX_AGE seconds (with no shared cache, other
    processes never see this one's publishes) and when it holds MAX_ITEMS
    (keys may include the Host header, which a visitor chooses).
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
