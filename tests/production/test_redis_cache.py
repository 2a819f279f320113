"""The production cache backend (home.cache.RedisCache) against a real Redis on 127.0.0.1:6379."""

import secrets
import threading

import pytest

from bench.servers import HOST, REDIS_PORT, redis_problem
from home.cache import RedisCache

REASON = redis_problem()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"SKIPPED Redis cache tests: {REASON}")


@pytest.fixture
def backend():
    prefix = f"test-{secrets.token_hex(4)}"
    cache = RedisCache(f"redis://{HOST}:{REDIS_PORT}/15", {"KEY_PREFIX": prefix})
    yield cache
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def test_it_is_still_djangos_cache(backend):
    backend.set("page", (3, b"<html>", "text/html"), 30)
    backend.set("generation", 3, None)
    assert backend.get_many(["generation", "page", "missing"]) == {"generation": 3, "page": (3, b"<html>", "text/html")}
    assert backend.incr("generation") == 4


def test_count_in_window_counts_and_expires(backend):
    assert [backend.count_in_window("attempts", 60) for _ in range(3)] == [1, 2, 3]
    client = backend._cache.get_client()
    ttl = client.ttl(backend.make_and_validate_key("attempts"))
    assert 0 < ttl <= 60  # the window ends even if nobody counts again


def test_counts_from_many_threads_are_exact(backend):
    """Threads of one process share one client and still count exactly."""

    def count():
        for _ in range(50):
            backend.count_in_window("shared", 60)

    threads = [threading.Thread(target=count) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert backend.get("shared") == 400


def test_one_client_serves_every_call(backend):
    """Django's backend built a client per call, and redis-py fills a table of reply handlers each time."""
    first = backend._cache.get_client()
    backend.set("a", 1)
    backend.get("a")
    assert backend._cache.get_client() is first
