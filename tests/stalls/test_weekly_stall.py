"""The weekly stall's later Saturdays (issue 28): its stall link signs on the day of each date that goes ahead,
not on a cancelled one nor between them, and what it takes carries the stall's source code.

Before, the link closed at the end of the first Saturday, so the device said "closed" every week after.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from campaign.events.models import EventKind, OccurrenceCancellation
from campaign.events.recurrence import Repeat
from statements.models import Signature
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.html import visible_text

from .factories import StallFactory
from .test_signing_at_a_stall import entry, open_stall, page_of, send, sign_without_js

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def saturday_after(day, weeks=0):
    """The date of the first Saturday after `day`, `weeks` later."""
    return day + timedelta(days=(5 - day.weekday()) % 7 or 7, weeks=weeks)


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


@pytest.fixture
def saturdays():
    """The weekly stall's first four Saturdays, starting after today."""
    first = saturday_after(timezone.localdate())
    return [first + timedelta(weeks=week) for week in range(4)]


@pytest.fixture
def weekly(home_page, saturdays):
    """Every Saturday 10:00 to 13:00 for four weeks; the third Saturday is off."""
    index = EventIndexPageFactory(parent=home_page)
    stall = EventPageFactory(
        parent=index,
        title="Saturday stall on Briggate",
        kind=EventKind.STALL,
        start=at(saturdays[0], 10),
        end=at(saturdays[0], 13),
        repeats=Repeat.WEEKLY,
        repeat_count=4,
    )
    OccurrenceCancellation.objects.create(page=stall, date=saturdays[2], reason="the street is closed for a fair")
    return stall


@pytest.fixture
def stall(weekly, statement_page):
    return StallFactory(event=weekly, statement=statement_page)


@pytest.fixture
def device(stall):
    """The stall's tablet, let in before the first Saturday (the organiser sets it up the evening before)."""
    tablet = Client()
    assert open_stall(tablet, stall).status_code == 302
    return tablet


def long_date(day):
    return f"{day:%A} {day.day} {day:%B}"


def test_the_link_signs_on_a_later_saturday(device, stall, saturdays, statement_page):
    with time_machine.travel(at(saturdays[1], 11), tick=False):
        page = device.get(page_of(stall))
        assert "Sign the statement" in visible_text(page.content.decode())
        assert sign_without_js(device, stall).status_code == 302
    with time_machine.travel(at(saturdays[3], 12, 59), tick=False):
        assert sign_without_js(device, stall).status_code == 302
        assert send(device, stall, [entry()]).status_code == 200
    assert statement_page.counts()["total"] == 3


def test_a_cancelled_saturday_signs_nothing_and_says_why_and_when_next(device, stall, saturdays):
    with time_machine.travel(at(saturdays[2], 11), tick=False):
        text = visible_text(device.get(page_of(stall)).content.decode())
        assert "This stall signs nothing now" in text
        assert (
            "Today’s stall is cancelled (the street is closed for a fair). "
            f"It opens again on {long_date(saturdays[3])}." in text
        )
        assert sign_without_js(device, stall).status_code == 410
        assert send(device, stall, [entry()]).status_code == 410  # last Saturday's grace is long over
    assert not Signature.objects.exists()


def test_between_saturdays_it_signs_nothing_but_takes_what_the_device_kept_for_a_day(device, stall, saturdays):
    with time_machine.travel(at(saturdays[1] + timedelta(days=1), 9), tick=False):  # the Sunday after
        assert send(device, stall, [entry()]).status_code == 200  # offline on Saturday, sent on Sunday
        assert sign_without_js(device, stall).status_code == 410
    with time_machine.travel(at(saturdays[1] + timedelta(days=3), 9), tick=False):  # Tuesday
        text = visible_text(device.get(page_of(stall)).content.decode())
        assert f"The stall is not on today. It opens again on {long_date(saturdays[3])}." in text
        assert send(device, stall, [entry()]).status_code == 410
    assert Signature.objects.count() == 1


def test_a_device_may_be_let_in_between_saturdays_and_is_told_when_it_opens(stall, saturdays):
    with time_machine.travel(at(saturdays[0] + timedelta(days=3), 18), tick=False):
        tablet = Client()
        assert open_stall(tablet, stall).status_code == 302
        text = visible_text(tablet.get(page_of(stall)).content.decode())
        assert f"It opens again on {long_date(saturdays[1])}." in text


def test_after_the_last_saturday_the_stall_has_closed(device, stall, saturdays):
    with time_machine.travel(at(saturdays[3] + timedelta(days=2), 9), tick=False):
        text = visible_text(device.get(page_of(stall)).content.decode())
        assert "This stall has closed: its link worked until the end of the event’s last day." in text
        assert open_stall(Client(), stall).status_code == 410
        assert send(device, stall, [entry()]).status_code == 410


def test_signatures_taken_at_a_stall_carry_its_source_code(device, stall, weekly, saturdays):
    with time_machine.travel(at(saturdays[0], 11), tick=False):
        sign_without_js(device, stall, email="ada@example.org")
        send(device, stall, [entry(email="grace@example.org")])
    codes = set(Signature.objects.values_list("referral_code", flat=True))
    assert codes == {f"stall-{weekly.pk}"}


def test_an_organiser_can_open_a_stall_for_a_weekly_stall_whose_first_saturday_has_passed(
    client, organiser, weekly, saturdays
):
    with time_machine.travel(at(saturdays[1], 9), tick=False):
        client.force_login(organiser)
        text = visible_text(client.get("/admin/stalls/stall/create/").content.decode())
    assert f"Saturday stall on Briggate, every Saturday from {saturdays[0].day} {saturdays[0]:%b %Y}" in text


def test_the_list_says_a_weekly_stall_is_open_on_its_dates_between_them(client, organiser, stall, saturdays):
    with time_machine.travel(at(saturdays[1] + timedelta(days=3), 9), tick=False):
        client.force_login(organiser)
        text = visible_text(client.get("/admin/stalls/stall/").content.decode())
    assert "Open on its dates" in text
