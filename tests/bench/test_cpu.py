"""bench.cpu: the CPU seconds each part of the stack spent, per request, read across a measurement.

bench.focus judges a comparison on a loaded machine by these figures, so a
backend that Django renewed mid-run (CONN_MAX_AGE) must neither vanish from
the sum nor make it negative.
"""

import os

from bench.cpu import Meter, Spent, process_seconds
from bench.load import Run


def test_this_process_has_spent_cpu_and_a_gone_one_none():
    sum(range(200_000))

    assert process_seconds(os.getpid()) > 0
    assert process_seconds(2**22 + 1) == 0.0  # above any pid Linux hands out


def test_per_request_figures_are_milliseconds_of_all_parts_or_one():
    spent = Spent({"gunicorn": 3.0, "postgres": 0.5, "redis": 0.1, "wrk": 0.4}, requests=1000)

    assert spent.per_request_ms() == 4.0
    assert spent.per_request_ms("postgres") == 0.5
    assert Spent({}, requests=0).per_request_ms() == 0.0


def test_a_backend_renewed_during_the_run_counts_whole_and_the_closed_one_drops_out():
    readings = iter(
        [
            {("gunicorn", 10): 5.0, ("postgres", 20): 9.0, ("redis", 30): 1.0, ("wrk", 0): 2.0},
            {("gunicorn", 10): 6.5, ("postgres", 21): 0.25, ("redis", 30): 1.5, ("wrk", 0): 2.5},
        ]
    )
    meter = Meter(server=None, db_name="unused")
    meter.reading = lambda: next(readings)

    run, spent = meter.measure(lambda: Run(name="rows", requests=500))

    assert run.requests == 500
    assert spent.seconds == {"gunicorn": 1.5, "postgres": 0.25, "redis": 0.5, "wrk": 0.5}
    assert spent.per_request_ms() == 5.5
