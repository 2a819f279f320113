"""A counter with an expiry that works on any cache backend, in one round trip on Redis.

Rate limits count every POST of every public form, so on Redis "create with expiry if missing, then
add one" for every key is one small Lua script (atomic, one round trip), not Django's add-then-incr.
While Redis is unreachable (core.shared_cache), each process counts in its own memory.
"""

from django.core.cache import caches
from django_redis import get_redis_connection
from django_redis.cache import RedisCache

from .shared_cache import FallbackRedisCache

CACHE = "default"


def count_in_window(key, timeout):
    """Count one more event under `key`, which lives `timeout` seconds from its first count; the count so far."""
    return count_in_windows([(key, timeout)])[0]


def count_in_windows(keys_and_timeouts):
    """`count_in_window` for several (key, timeout) pairs at once: one round trip on Redis whatever their number."""
    backend = caches[CACHE]
    if isinstance(backend, FallbackRedisCache):
        return backend.attempt(
            lambda: _count_on_redis(backend, keys_and_timeouts),
            lambda: _count_all_locally(backend.local, keys_and_timeouts),
        )
    if isinstance(backend, RedisCache):
        return _count_on_redis(backend, keys_and_timeouts)
    return _count_all_locally(backend, keys_and_timeouts)


COUNT_SCRIPT = """
local counts = {}
for i, key in ipairs(KEYS) do
  redis.call('SET', key, 0, 'EX', ARGV[i], 'NX')
  counts[i] = redis.call('INCR', key)
end
return counts
"""
_scripts = {}  # client -> its registered script (redis-py loads it again after a Redis restart)


def _count_on_redis(backend, keys_and_timeouts):
    client = get_redis_connection(CACHE)
    script = _scripts.get(client)
    if script is None:
        script = _scripts[client] = client.register_script(COUNT_SCRIPT)
    keys = [backend.make_key(key) for key, _ in keys_and_timeouts]
    return script(keys=keys, args=[int(timeout) for _, timeout in keys_and_timeouts])


def _count_all_locally(backend, keys_and_timeouts):
    return [_count_locally(backend, key, timeout) for key, timeout in keys_and_timeouts]


def _count_locally(backend, key, timeout):
    backend.add(key, 0, timeout=timeout)
    try:
        return backend.incr(key)
    except ValueError:  # expired between add and incr
        backend.set(key, 1, timeout=timeout)
        return 1
