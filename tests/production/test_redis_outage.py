"""Redis stops and starts again: readers and signers never see an error, and Redis is used again once it is back.

Runs production's cache settings (config.settings.base.redis_caches) against
a redis-server of this test's own on a free loopback port, which it stops
and starts (the shared Redis on 6379 is never touched). Skipped where
redis-server is not installed.
"""

import contextlib
import logging
import shutil
import subprocess
import tempfile
import time

import pytest
import redis

from bench.servers import HOST, free_port
from config.settings.base import redis_caches
from core.page_cache import forget_local
from core.shared_cache import RETRY_SECONDS
from statements.models import Signature
from tests.core.task_queue import email_rows, use_database_queue
from tests.statements.visitor import sign

REDIS_SERVER = shutil.which("redis-server")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(REDIS_SERVER is None, reason="SKIPPED Redis outage tests: no redis-server on PATH"),
]

HEALTH_TOKEN = "health-token-for-tests"
GONE = "cannot be reached"
BACK = "answers again"


class OwnRedis:
    """A redis-server on a free loopback port, keeping nothing on disk, that a test may stop and start."""

    def __init__(self):
        self.port = free_port()
        self.workdir = tempfile.mkdtemp(prefix="redis-outage-")
        self.process = None
        self.client = redis.Redis(host=HOST, port=self.port, socket_timeout=2)

    @property
    def url(self):
        return f"redis://{HOST}:{self.port}/0"

    def start(self):
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", HOST, "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            [*command, "--dir", self.workdir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client.ping()
                return
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"redis-server did not start on port {self.port}") from None
                time.sleep(0.05)

    def stop(self, keep_data=False):
        """Stop the server; with `keep_data` it writes what it holds to disk first, and loads it when started again."""
        if self.process is None or self.process.poll() is not None:
            return
        if keep_data:
            with contextlib.suppress(redis.exceptions.ConnectionError):  # it may close the connection as it stops
                self.client.shutdown(save=True)
        else:
            self.process.terminate()
        self.process.wait(timeout=10)

    def keys(self, pattern):
        return list(self.client.scan_iter(match=pattern))


@pytest.fixture
def own_redis(settings):
    """Production's cache settings against a Redis of this test's own; the page cache on, as in production."""
    server = OwnRedis()
    server.start()
    settings.CACHES = redis_caches(server.url, "outage", 1)
    settings.PAGE_CACHE_SECONDS = 30
    settings.PAGE_CACHE_LOCAL_SECONDS = 1
    settings.HEALTH_TOKEN = HEALTH_TOKEN
    yield server
    server.stop()
    shutil.rmtree(server.workdir, ignore_errors=True)


def lines(caplog, words):
    return [record for record in caplog.records if words in record.getMessage()]


def health(client):
    return client.get("/health/", headers={"Authorization": f"Bearer {HEALTH_TOKEN}"})


def test_readers_and_signers_go_on_through_a_redis_outage_and_redis_is_used_again_when_back(
    own_redis, client, statement_page, site_settings, settings, caplog
):
    use_database_queue(settings)
    caplog.set_level(logging.WARNING, logger="core.shared_cache")
    assert client.get(statement_page.url)["X-Page-Cache"] == "miss"
    assert own_redis.keys("outage:*pagecache*")  # Redis keeps the page

    own_redis.stop()
    forget_local()  # what a process that never saw the page knows: nothing
    pages = [client.get(statement_page.url) for _ in range(5)]
    signings = [sign(client, statement_page, email=f"outage-{number}@example.org") for number in range(3)]
    during = health(client)

    assert [page.status_code for page in pages] == [200] * 5
    assert pages[0]["X-Page-Cache"] == "miss"  # rendered from the database
    assert "We demand a better world." in pages[0].content.decode()
    assert {page["X-Page-Cache"] for page in pages[1:]} == {"hit"}  # then kept by this process
    assert [signing.status_code for signing in signings] == [302] * 3
    saved = Signature.objects.filter(email__startswith="outage-")
    assert saved.count() == 3
    assert email_rows().count() == 3  # each signer's confirmation email is queued
    assert during.status_code == 200
    assert during.json()["status"] == "degraded" and during.json()["cache"] == "down"
    assert len(lines(caplog, GONE)) == 1  # once, not once per request
    assert not lines(caplog, BACK)

    own_redis.start()  # empty, as a restarted Redis is
    time.sleep(RETRY_SECONDS + 0.1)
    assert client.get(statement_page.url).status_code == 200
    assert sign(client, statement_page, email="after@example.org").status_code == 302

    assert len(lines(caplog, BACK)) == 1
    assert own_redis.keys("outage:*pagecache*")  # the page went to Redis again
    assert own_redis.keys("outage:*ratelimit:sign*")  # and so did the signing's count
    forget_local()
    assert client.get(statement_page.url)["X-Page-Cache"] == "hit"  # from Redis: this process forgot it
    assert health(client).json() | {"email_queue": None} == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "email_queue": None,
    }
    assert len(lines(caplog, GONE)) == 1


def test_a_publish_during_the_outage_is_never_hidden_by_pages_redis_kept(
    own_redis, client, statement_page, site_settings
):
    """A Redis that comes back with its data holds pages from before a publish it never heard of."""
    client.get(statement_page.url)
    own_redis.stop(keep_data=True)
    statement_page.body = "<p>Published while Redis was away.</p>"
    statement_page.save_revision().publish()
    assert "Published while Redis was away." in client.get(statement_page.url).content.decode()

    own_redis.start()
    assert own_redis.keys("outage:*pagecache*")  # the page from before the publish is back in Redis
    time.sleep(RETRY_SECONDS + 0.1)
    forget_local()  # as a process that never served the new page

    assert "Published while Redis was away." in client.get(statement_page.url).content.decode()
