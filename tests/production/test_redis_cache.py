"""The production cache (django-redis) and the rate-limit counter against a real Redis on 127.0.0.1:6379."""

import secrets
import threading

import pytest
from django.core.cache import cache
from django_redis import get_redis_connection

from bench.servers import HOST, REDIS_PORT, redis_problem
from core.cache import count_in_window, count_in_windows
from tests.statements.visitor import sign

REASON = redis_problem()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"SKIPPED Redis cache tests: {REASON}")


@pytest.fixture
def redis_cache(settings):
    """settings.CACHES as production has it with REDIS_URL set, on a database and key prefix of its own."""
    prefix = f"test-{secrets.token_hex(4)}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://{HOST}:{REDIS_PORT}/15",
            "KEY_PREFIX": prefix,
        }
    }
    yield cache
    client = get_redis_connection("default")
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def test_it_is_still_djangos_cache(redis_cache):
    redis_cache.set("page", (3, b"<html>", "text/html"), 30)
    redis_cache.set("generation", 3, None)
    assert redis_cache.get_many(["generation", "page", "missing"]) == {
        "generation": 3,
        "page": (3, b"<html>", "text/html"),
    }
    assert redis_cache.incr("generation") == 4
    with pytest.raises(ValueError):
        redis_cache.incr("never-set")  # the page cache relies on this to start a new generation


def test_count_in_window_counts_and_expires(redis_cache):
    assert [count_in_window("attempts", 60) for _ in range(3)] == [1, 2, 3]
    assert redis_cache.get("attempts") == 3  # the counter is a plain integer Django's API reads
    ttl = redis_cache.ttl("attempts")
    assert 0 < ttl <= 60  # the window ends even if nobody counts again


def test_several_counters_are_counted_together_each_with_its_expiry(redis_cache):
    count_in_window("network", 60)

    assert count_in_windows([("network", 60), ("domain", 30)]) == [2, 1]
    assert count_in_windows([]) == []
    assert 30 < redis_cache.ttl("network") <= 60 and 0 < redis_cache.ttl("domain") <= 30


@pytest.mark.django_db
def test_a_signing_counts_its_rate_limit_and_hold_back_counts_in_one_round_trip(
    redis_cache, client, statement_page, site_settings, settings
):
    """In a surge every round trip to the cache counts: one script call per signing, and nothing else."""
    settings.PAGE_CACHE_LOCAL_SECONDS = 1  # as in production: the page-cache generation is read once a second
    server = get_redis_connection("default")
    assert sign(client, statement_page, email="first@example.org").status_code == 302  # this process warmed up
    before = server.info("commandstats")
    assert sign(client, statement_page).status_code == 302
    after = server.info("commandstats")
    calls = {name: after[name]["calls"] - before.get(name, {}).get("calls", 0) for name in after}
    assert {name: count for name, count in calls.items() if count} == {
        "cmdstat_evalsha": 1,  # the counting script (core.cache), loaded by the first signing
        "cmdstat_set": 3,  # inside it, each counter made with its expiry if missing: the limit, the network, the domain
        "cmdstat_incr": 3,
        "cmdstat_info": 1,  # this test's own first INFO
    }


def test_counts_from_many_threads_are_exact(redis_cache):
    """Threads of one process share one client and still count exactly."""

    def count():
        for _ in range(50):
            count_in_window("shared", 60)

    threads = [threading.Thread(target=count) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert redis_cache.get("shared") == 400


def test_one_client_serves_every_call(redis_cache):
    """django-redis keeps one client per server: building one per call costs more than the round trip."""
    first = get_redis_connection("default")
    redis_cache.set("a", 1)
    redis_cache.get("a")
    count_in_window("b", 60)
    assert get_redis_connection("default") is first


def test_counting_goes_on_after_redis_forgets_the_script(redis_cache):
    """A restarted Redis has no scripts: the next count loads it again and counts on from the kept value."""
    assert count_in_window("after-flush", 60) == 1
    get_redis_connection("default").script_flush()
    assert count_in_window("after-flush", 60) == 2
