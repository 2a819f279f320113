"""The tests' clock (tests/clock.py): how a moment is written, and that a subprocess reads the moved clock too."""

import os
import subprocess
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests.clock import CLOCK_CHANGES, label, parse, travel_to

LONDON = ZoneInfo("Europe/London")


def test_a_moment_is_a_london_wall_time_today_or_on_a_date_or_a_utc_offset():
    assert parse("2026-12-07 23:30 Europe/London") == datetime(2026, 12, 7, 23, 30, tzinfo=UTC)
    assert parse("2027-06-30 23:30 Europe/London") == datetime(2027, 6, 30, 22, 30, tzinfo=UTC)
    assert parse("23:30 Europe/London").astimezone(LONDON).date() == timezone.localdate()
    assert parse("2026-10-25 01:30+00:00") == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


def test_a_time_the_clocks_skip_is_refused_and_one_they_repeat_is_the_first():
    with pytest.raises(ValueError, match="never comes"):
        parse("2027-03-28 01:30 Europe/London")
    assert parse("2026-10-25 01:30 Europe/London") == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # BST
    with pytest.raises(ValueError, match="say where"):
        parse("2026-10-25 01:30")


def test_the_clock_change_moments_are_each_distinct_and_named_by_london_time():
    names = [label(parse(text)) for text in CLOCK_CHANGES]
    assert len(set(names)) == len(CLOCK_CHANGES)
    assert {"2026-10-25T01:30BST", "2026-10-25T01:30GMT", "2027-03-28T02:30BST"} <= set(names)


def test_a_python_subprocess_started_by_a_test_reads_the_tests_clock():
    moment = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    environ = dict(os.environ)
    travel = travel_to(moment, environ)
    try:
        here = datetime.now(UTC)
        child = subprocess.run(
            [sys.executable, "-c", "import time; print(time.time())"],
            env=environ,
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        travel.stop()
    there = datetime.fromtimestamp(float(child.stdout), UTC)
    assert abs((here - moment).total_seconds()) < 5
    assert abs((there - moment).total_seconds()) < 30, child.stderr
