"""The shared cache: Django's Redis backend, made cheaper per call, and a counter that works on any backend.

Every anonymous page view and every signing talks to the cache, so each
round trip and each client object counts in a surge:

* Django's Redis backend builds a new `redis.Redis` client for every call,
  and redis-py fills a table of a few hundred reply handlers each time it
  does; that costs more than the round trip itself. One client per
  connection pool is enough: clients are thread-safe and share the pool.
* A rate-limit counter needs "create with expiry if missing, then add one".
  With Django's API that is three round trips (add; incr's own existence
  check; incr); `count_in_window` sends them as one transaction on Redis.
"""

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client

    def count_in_window(self, key, timeout):
        """Add one to `key`, creating it with `timeout` seconds to live: one MULTI/EXEC round trip."""
        pipeline = self.get_client(key, write=True).pipeline(transaction=True)
        pipeline.set(key, 0, ex=timeout, nx=True)
        pipeline.incr(key)
        return pipeline.execute()[-1]


class RedisCache(DjangoRedisCache):
    """settings.CACHES backend "home.cache.RedisCache": Django's, with the two savings above."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    def count_in_window(self, key, timeout):
        return self._cache.count_in_window(self.make_and_validate_key(key), timeout)


def count_in_window(key, timeout):
    """Count one more event under `key`, which lives `timeout` seconds from its first count.

    Returns the count so far. On Redis this is one atomic round trip; on any
    other backend (local memory in development and tests) add, then incr.
    """
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        return backend.count_in_window(key, timeout)
    backend.add(key, 0, timeout=timeout)
    try:
        return backend.incr(key)
    except ValueError:  # expired between add and incr
        backend.set(key, 1, timeout=timeout)
        return 1
