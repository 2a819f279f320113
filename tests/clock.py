"""The test session's clock: moved to a chosen moment (TEST_CLOCK or --clock), and time-dependent tests
run again on the days the clocks change (TEST_CLOCK_CHANGES=1 or --clock-changes), in the same session.

Events cross midnight and London is not UTC half the year, so a suite that passes at noon can fail at 23:30
or on a clock-change Sunday. time-machine moves the clock of the whole pytest process (every thread,
pytest-django's live server too) and keeps it ticking; Python subprocesses the tests start (the worker,
gunicorn, the browser tests' demo server) get the same clock through tests/clock_subprocess/sitecustomize.py,
unless a test gives them a bare environment (the settings checks, which read no clock). Chromium, Redis and
PostgreSQL keep real time: the site reads the time only from Python. tests/conftest.py imports the hooks below.
"""

import os
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest
import time_machine

VARIABLE = "TEST_CLOCK"
CHANGES_VARIABLE = "TEST_CLOCK_CHANGES"
OFFSET_VARIABLE = "TEST_CLOCK_OFFSET"  # seconds from real time to the tests' time, read by subprocesses
SUBPROCESS_PATH = Path(__file__).resolve().parent / "clock_subprocess"

# The Sundays the clocks change in London (last Sunday of October back, of March forward), each at
# half past midnight, at half past one, and late in the evening. 01:30 comes twice on 2026-10-25 (BST,
# then GMT) and never on 2027-03-28, where 01:30 UTC is 02:30 BST, half an hour after the jump.
CLOCK_CHANGES = (
    "2026-10-25 00:30 Europe/London",
    "2026-10-25 01:30+01:00",
    "2026-10-25 01:30+00:00",
    "2026-10-25 23:30 Europe/London",
    "2027-03-28 00:30 Europe/London",
    "2027-03-28 01:30+00:00",
    "2027-03-28 23:30 Europe/London",
)

# The tests of rules that depend on the time of day or the date (stall closing, reminders the day before,
# RSVP cut-offs and retention, scheduled jobs and purges, news sending, "today" on the dashboard and in the
# motion tracker, hours in the review screen): with --clock-changes each runs again at every moment above.
# A file (all its tests) or one test; a test elsewhere joins them with @pytest.mark.clock. Kept short: each
# listed test runs seven more times.
TIME_DEPENDENT = frozenset(
    {
        "tests/stalls/test_signing_at_a_stall.py::test_a_stall_closes_at_the_end_of_the_events_day_but_takes_what_a_device_kept_for_a_day",
        "tests/stalls/test_signing_at_a_stall.py::test_signing_without_javascript_counts_at_once_and_clears_the_form",
        "tests/stalls/test_signing_at_a_stall.py::test_the_device_sends_what_it_kept_and_a_retry_counts_once",
        "tests/stalls/test_stall_devices.py::test_the_link_opens_the_stall_on_one_device_and_is_spent",
        "tests/stalls/test_stall_devices.py::test_past_the_ceiling_entries_are_held_uncounted_and_unemailed_and_organisers_hear_once",
        "tests/stalls/test_admin.py::test_an_organiser_opens_a_stall_and_gets_its_link_code_and_qr",
        "tests/events/test_pages.py::test_upcoming_events_are_listed_soonest_first",
        "tests/events/test_pages.py::test_past_events_have_their_own_page_newest_first",
        "tests/events/test_pages.py::test_an_event_under_way_is_still_upcoming",
        "tests/events/test_pages.py::test_events_split_at_the_moment_they_end_across_midnight_in_london",
        "tests/events/test_pages.py::test_times_are_shown_in_the_sites_zone",
        "tests/events/test_pages.py::test_home_page_lists_the_next_few_events",
        "tests/events/test_calendar.py::test_one_event_downloads_as_an_ics_file",
        "tests/events/test_calendar.py::test_feed_lists_every_upcoming_event_and_nothing_else",
        "tests/events/test_rsvp.py::test_rsvp_keeps_a_place_and_emails_the_details_with_the_calendar_file",
        "tests/events/test_rsvp.py::test_no_rsvp_to_a_cancelled_past_or_closed_event",
        "tests/events/test_rsvp_cancel.py::test_the_reminder_goes_the_day_before_once_to_those_going",
        "tests/events/test_rsvp_cancel.py::test_no_reminder_for_a_cancelled_event",
        "tests/events/test_rsvp_cancel.py::test_a_changed_time_or_place_emails_everyone_on_the_list_once",
        "tests/events/test_rsvp_cancel.py::test_a_raised_capacity_gives_the_new_places_to_the_waiting_list",
        "tests/events/test_rsvp_confirming.py::test_an_expired_link_confirms_nothing",
        "tests/events/test_rsvp_confirming.py::test_unconfirmed_rsvps_are_deleted_once_their_link_has_expired",
        "tests/events/test_rsvp_retention.py::test_a_month_after_the_event_attendees_details_are_gone_and_the_counts_stay",
        "tests/events/test_rsvp_retention.py::test_recent_events_keep_their_attendees",
        "tests/news/test_sends.py::test_sending_reaches_each_subscriber_once_with_one_click_unsubscribe",
        "tests/news/test_sends.py::test_batches_follow_the_batch_size_and_stop_when_paused",
        "tests/core/test_schedule.py",
        "tests/core/test_consent.py::test_the_nightly_job_forgets_consents_never_confirmed",
        "tests/statements/test_commands.py::test_purge_deletes_only_old_unconfirmed_signatures",
        "tests/home/test_dashboard.py::test_organisers_see_how_signing_goes",
        "tests/motion/test_tracker.py::test_the_follow_up_asks_after_the_meeting_and_passed_updates_the_public_list",
        "tests/motion/test_tracker.py::test_postponed_asks_for_a_new_date_and_asks_again_after_it",
    }
)
_SESSION_TRAVEL = pytest.StashKey[time_machine.travel]()
_SESSION_MOMENT = pytest.StashKey[datetime]()


def parse(text):
    """An aware datetime from "2026-12-07 23:30 Europe/London", "23:30 Europe/London" (today there)
    or an ISO 8601 moment with its UTC offset ("2026-10-25 01:30+00:00").

    A wall time that a zone skips when its clocks go forward is refused (give the UTC offset instead);
    one that comes twice when they go back is the first (again: the offset picks the second).
    """
    words = text.split()
    if len(words) >= 2:
        try:
            zone = ZoneInfo(words[-1])
        except (ZoneInfoNotFoundError, ValueError):
            zone = None
        if zone is not None:
            wall = " ".join(words[:-1])
            if ":" in wall and "-" not in wall:
                wall = f"{datetime.now(zone).date().isoformat()} {wall}"
            moment = datetime.fromisoformat(wall)
            if moment.tzinfo is not None:
                raise ValueError(f"{VARIABLE}={text!r}: give a zone or a UTC offset, not both")
            moment = moment.replace(tzinfo=zone)
            if moment.astimezone(ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None) != moment.replace(tzinfo=None):
                raise ValueError(f"{VARIABLE}={text!r}: that time never comes in {zone.key} (its clocks jump it)")
            return moment.astimezone(UTC)  # in UTC: Python never calls a repeated wall time equal to another zone's
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        raise ValueError(f"{VARIABLE}={text!r}: say where, e.g. '23:30 Europe/London' or '2026-10-25 01:30+00:00'")
    return moment.astimezone(UTC)


def label(moment):
    """A short name for a moment, in London's wall time: 2026-10-25T01:30BST."""
    local = moment.astimezone(ZoneInfo("Europe/London"))
    return f"{local:%Y-%m-%dT%H:%M}{local.tzname()}"


def travel_to(moment, environ):
    """Move this process's clock to `moment`, ticking, and tell subprocesses started from `environ` the same."""
    travel = time_machine.travel(moment.timestamp(), tick=True)  # a timestamp: TZ is left as Django set it
    travel.start()
    environ[OFFSET_VARIABLE] = repr(time.time() - time_machine.escape_hatch.time.time())  # from real time
    if str(SUBPROCESS_PATH) not in environ.get("PYTHONPATH", "").split(os.pathsep):
        environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SUBPROCESS_PATH), environ.get("PYTHONPATH")]))
    return travel


def is_time_dependent(node):
    """Whether `node` (a test, or its definition while pytest collects) is listed above or marked clock."""
    test = node.nodeid.split("[")[0]
    return (
        node.get_closest_marker("clock") is not None or test in TIME_DEPENDENT or test.split("::")[0] in TIME_DEPENDENT
    )


def pytest_addoption(parser):
    group = parser.getgroup("clock", "the tests' clock")
    group.addoption(
        "--clock",
        default=os.environ.get(VARIABLE) or None,
        help=f"start the session at this moment, the clock ticking (default: ${VARIABLE}), "
        "e.g. '23:30 Europe/London' (today) or '2026-12-07 23:30 Europe/London'",
    )
    group.addoption(
        "--clock-changes",
        action="store_true",
        default=os.environ.get(CHANGES_VARIABLE, "") not in ("", "0"),
        help="run each time-dependent test (marked clock) again at each moment of the clock-change Sundays "
        f"(default: ${CHANGES_VARIABLE}=1)",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "clock: depends on the date or time of day; run on clock-change days too")
    text = config.getoption("clock", None)
    if text:
        moment = parse(text)
        config.stash[_SESSION_MOMENT] = moment
        config.stash[_SESSION_TRAVEL] = travel_to(moment, os.environ)


def pytest_unconfigure(config):
    travel = config.stash.get(_SESSION_TRAVEL, None)
    if travel is not None:
        travel.stop()
        del config.stash[_SESSION_TRAVEL]


def pytest_report_header(config):
    moment = config.stash.get(_SESSION_MOMENT, None)
    said = f"moved to {label(moment)} ({moment.isoformat()}), ticking" if moment else "real time"
    if config.getoption("clock_changes"):
        said += f"; time-dependent tests again at {', '.join(label(parse(text)) for text in CLOCK_CHANGES)}"
    return f"clock: {said}"


def pytest_generate_tests(metafunc):
    if metafunc.config.getoption("clock_changes") and is_time_dependent(metafunc.definition):
        moments = [parse(text) for text in CLOCK_CHANGES]
        ids = ["now"] + [label(moment) for moment in moments]  # "now": the session's clock, as without the option
        metafunc.parametrize("clock_moment", [None, *moments], ids=ids, indirect=True)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark the listed modules' tests `clock`, before `-m clock` chooses."""
    for item in items:
        if is_time_dependent(item):
            item.add_marker(pytest.mark.clock)


@pytest.fixture(autouse=True)
def clock_moment(request):
    """The moment a --clock-changes run gives this test, its clock moved there for the test; else None."""
    moment = getattr(request, "param", None)
    if moment is None:
        yield None
        return
    saved = {name: os.environ.get(name) for name in (OFFSET_VARIABLE, "PYTHONPATH")}
    travel = travel_to(moment, os.environ)
    try:
        yield moment
    finally:
        travel.stop()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
