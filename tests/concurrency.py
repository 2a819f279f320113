"""Helpers for the tests that race real threads and transactions against each other (PostgreSQL only).

A test module imports `needs_postgres` (an autouse fixture: it skips on
SQLite, which serialises all writes, and empties the cache) and
`run_together`; tests of the Procfile's worker, `stop_when`.
"""

import os
import signal
import threading
import time

import pytest
from django.core.cache import cache
from django.db import connection, connections


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency tests need PostgreSQL (set DATABASE_URL); SQLite serialises all writes")
    cache.clear()


def run_together(count, work):
    """Start `count` threads that wait at a barrier, then call work(i) at the same moment."""
    barrier = threading.Barrier(count)
    errors = []

    def worker(number):
        try:
            barrier.wait()
            work(number)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


def stop_when(condition, timeout=60):
    """SIGTERM this process (as a platform stops the worker) once `condition()` holds, or after `timeout`."""

    def watch():
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline and not condition():
                time.sleep(0.1)
        finally:
            connections.close_all()  # this thread's own, or the test database cannot be dropped
        os.kill(os.getpid(), signal.SIGTERM)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    return watcher
