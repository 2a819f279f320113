"""The shared cache (Redis through django-redis), with this process's memory standing in while Redis is away.

Redis never holds the only copy of anything, so an unreachable Redis fails no request: calls go to this
process's local memory (pages and rate limits then per process) and the log says so once. Every
RETRY_SECONDS one call asks Redis again; when it answers, `returned` is sent so that core.signals moves the
publish clock on (a publish made meanwhile never reached Redis).
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.dispatch import Signal
from django_redis.cache import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What "Redis cannot be reached" raises (BusyLoadingError, Redis loading its data after a restart, is one).
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
RETRY_SECONDS = 1.0
LOCAL_MAX_ENTRIES = 1000

# Sent (sender: the cache backend) when Redis answers again after this process found it gone.
returned = Signal()

# One record per cache location for the whole process: Django makes a backend object per thread.
_outages = {}
_outages_lock = threading.Lock()


class Outage:
    """Whether this process finds Redis gone, since when, and when to ask it again."""

    def __init__(self):
        self.down = False
        self.retry_at = 0.0


def falls_back(name):
    """A method of Django's cache API: RedisCache's while Redis answers, the local cache's while it does not."""

    def method(self, *args, **kwargs):
        return self.attempt(
            lambda: getattr(RedisCache, name)(self, *args, **kwargs),
            lambda: getattr(self.local, name)(*args, **kwargs),
        )

    method.__name__ = method.__qualname__ = name
    return method


class FallbackRedisCache(RedisCache):
    """django-redis's RedisCache whose calls fall back to this process's memory while Redis is unreachable."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.location = server if isinstance(server, str) else ",".join(server)
        local_params = {key: value for key, value in params.items() if key != "OPTIONS"}
        local_params["OPTIONS"] = {"MAX_ENTRIES": LOCAL_MAX_ENTRIES}
        # LocMemCache shares its store between objects of one name: every thread of the process sees it.
        self.local = LocMemCache(f"shared-cache-fallback:{self.location}", local_params)
        with _outages_lock:
            self.outage = _outages.setdefault(self.location, Outage())

    def attempt(self, shared, local):
        """shared() while Redis answers; local() while it is unreachable (from the call that finds it gone)."""
        if self.outage.down and not self.answers_again():
            return local()
        try:
            return shared()
        except UNREACHABLE as error:
            self.gone(error)
            return local()

    def reachable(self):
        """True when Redis answers a PING now (for /health/): asks Redis whatever this process thinks."""
        try:
            return bool(self.client.get_client(write=True).ping())
        except UNREACHABLE:
            return False

    def gone(self, error):
        outage = self.outage
        with _outages_lock:
            first = not outage.down
            outage.down, outage.retry_at = True, time.monotonic() + RETRY_SECONDS
        if first:
            logger.warning(
                "the shared cache (Redis) cannot be reached (%s): pages are rendered from the database "
                "and kept by each process, and rate limits and hold-back budgets are counted by each process "
                "on its own, until it is back",
                error.__class__.__name__,
            )

    def answers_again(self):
        """Ask Redis once (the first caller after RETRY_SECONDS); on an answer, end the outage."""
        outage = self.outage
        with _outages_lock:
            if not outage.down or time.monotonic() < outage.retry_at:
                return not outage.down
            outage.retry_at = time.monotonic() + RETRY_SECONDS  # the other threads keep to local meanwhile
        if not self.reachable():
            return False
        with _outages_lock:
            was_down, outage.down = outage.down, False
        if was_down:
            logger.warning("the shared cache (Redis) answers again: it is used from now on")
            self.local.clear()  # counts and pages of the outage; the next outage starts afresh
            returned.send(sender=self.__class__, cache=self)
        return True

    add = falls_back("add")
    get = falls_back("get")
    set = falls_back("set")
    touch = falls_back("touch")
    delete = falls_back("delete")
    get_many = falls_back("get_many")
    set_many = falls_back("set_many")
    delete_many = falls_back("delete_many")
    has_key = falls_back("has_key")
    incr = falls_back("incr")
    decr = falls_back("decr")

    def clear(self):
        self.local.clear()
        return self.attempt(lambda: RedisCache.clear(self), lambda: None)
