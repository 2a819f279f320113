"""The weekly stall: an event that repeats, its next dates, one Saturday off, RSVPs per date, and one VEVENT.

Dates are fixed in 2030 around London's clock change (Sunday 31 March): a stall at 10:00 stays at 10:00
(10:00 UTC in March, 09:00 UTC in April). The calendar file is read back with icalendar and expanded with
dateutil, as a calendar program would.
"""

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from campaign.events import attendance, listing, recounting, recurrence
from campaign.events.models import EventPage, OccurrenceCancellation, OccurrenceCount, Rsvp
from tests.events.factories import EventIndexPageFactory, EventPageFactory, in_days
from tests.html import visible_text

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
SATURDAYS = [date(2030, 3, 16), date(2030, 3, 23), date(2030, 3, 30), date(2030, 4, 6), date(2030, 4, 13)]


def at(day, hour=10):
    return datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


@pytest.fixture
def events_index(home_page, site_settings):
    return EventIndexPageFactory(parent=home_page)


def weekly(parent, **fields):
    """A stall every Saturday at 10:00 for three hours, five times from 16 March 2030, unless `fields` say otherwise."""
    start = fields.get("start", at(SATURDAYS[0]))
    options = {"title": "Saturday stall", "slug": "saturday-stall", "kind": "stall", "start": start}
    options.update(end=start + timedelta(hours=3), repeats="weekly", repeat_count=5)
    return EventPageFactory(parent=parent, **{**options, **fields})


@pytest.fixture
def stall(events_index):
    event = weekly(events_index, takes_rsvps=True, capacity=2, helpers_wanted=2)
    OccurrenceCancellation.objects.create(page=event, date=SATURDAYS[1], reason="The market is closed")
    return EventPage.objects.get(pk=event.pk)


def key(day):
    return at(day).astimezone(UTC).isoformat()


def answer(client, event, day, **changes):
    data = {"name": "Ada", "email": "ada@example.org", "phone": "", "website": "", "occurrence": key(day)}
    data["role"] = "attendee"  # the choice the form comes with
    return client.post(event.url + "rsvp/", {**data, **changes})


def test_every_saturday_at_ten_across_the_clock_change_with_one_saturday_off(stall):
    dates = recurrence.occurrences(stall)

    assert [item.start.date() for item in dates] == SATURDAYS
    assert {(item.start.hour, item.end.hour) for item in dates} == {(10, 13)}
    assert [item.start.astimezone(UTC).hour for item in dates] == [10, 10, 10, 9, 9]
    assert [(item.start.date(), item.reason) for item in dates if item.cancelled] == [
        (SATURDAYS[1], "The market is closed")
    ]
    assert stall.series_end == at(SATURDAYS[-1], 13)


def test_every_other_week_until_a_date_and_the_first_saturday_of_each_month(events_index):
    fortnightly = weekly(events_index, slug="fortnightly", repeats="fortnightly", repeat_count=None)
    fortnightly.repeat_until = date(2030, 4, 27)
    monthly = weekly(events_index, slug="monthly", start=at(date(2030, 3, 2)), repeats="monthly", repeat_count=3)

    assert [item.start.date() for item in recurrence.occurrences(fortnightly)] == [
        date(2030, 3, 16),
        date(2030, 3, 30),
        date(2030, 4, 13),
        date(2030, 4, 27),
    ]
    assert [item.start.date() for item in recurrence.occurrences(monthly)] == [
        date(2030, 3, 2),
        date(2030, 4, 6),
        date(2030, 5, 4),
    ]
    assert recurrence.describe(monthly) == "The first Saturday of each month, 10:00 to 13:00, 3 times from 2 March 2030"


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"repeat_count": None, "repeat_until": date(2030, 3, 1)}, "repeat_until", "never take place"),
        ({"repeat_until": date(2030, 4, 1)}, "repeat_count", "not both"),
        ({"repeats": "monthly"}, "start", "is not the first Saturday of its month"),
        ({"end": at(SATURDAYS[0]) + timedelta(days=2)}, "end", "ends on the day it starts"),
        ({"repeat_count": None, "repeat_until": date(2033, 1, 1)}, "repeat_until", "at most two years"),
    ],
)
def test_a_rule_that_gives_no_dates_or_nonsense_is_refused_with_a_plain_reason(stall, changes, field, message):
    for name, value in changes.items():
        setattr(stall, name, value)

    with pytest.raises(ValidationError) as error:
        stall.clean()

    assert message in " ".join(error.value.message_dict[field])


def test_the_page_shows_the_rule_the_next_dates_and_the_saturday_off(client, stall):
    html = client.get(stall.url).content.decode()
    text = visible_text(html)

    assert "Every Saturday, 10:00 to 13:00, 5 times from 16 March 2030" in text
    assert "Next: Saturday 16 March 2030, 10:00" in text
    assert "Sat 23 Mar 2030, 10:00 Cancelled The market is closed" in text
    assert "Sat 30 Mar 2030, 10:00 0 going · 0 of 2 helpers" in text
    assert html.count('class="date-item') == 5 and html.count('class="date-item is-cancelled"') == 1
    # The form offers the dates that go ahead, the next one chosen.
    assert f'<option value="{key(SATURDAYS[0])}" selected>' in html
    assert f'value="{key(SATURDAYS[1])}"' not in html.split('name="occurrence"')[1].split("</select>")[0]


def test_rsvps_helpers_and_capacity_are_per_date(client, stall):
    answer(client, stall, SATURDAYS[2], email="one@example.org")
    answer(client, stall, SATURDAYS[2], email="two@example.org")
    answer(client, stall, SATURDAYS[2], email="three@example.org")
    answer(client, stall, SATURDAYS[3], email="three@example.org")
    answer(client, stall, SATURDAYS[3], email="four@example.org", role="helper")

    third = Rsvp.objects.filter(occurrence=at(SATURDAYS[2]))
    assert sorted(third.values_list("status", flat=True)) == ["going", "going", "waiting"]
    fourth = Rsvp.objects.filter(occurrence=at(SATURDAYS[3]))
    assert sorted(fourth.values_list("email", "status", "role")) == [
        ("four@example.org", "going", "helper"),
        ("three@example.org", "going", "attendee"),
    ]
    counts = {row.occurrence: (row.going, row.waiting, row.helping) for row in OccurrenceCount.objects.all()}
    assert counts == {at(SATURDAYS[2]): (2, 1, 0), at(SATURDAYS[3]): (1, 0, 1)}
    text = visible_text(client.get(stall.url))
    assert "Sat 30 Mar 2030, 10:00 2 going (full) · 0 of 2 helpers" in text
    assert "Sat 6 Apr 2030, 10:00 1 going · 1 of 2 helpers" in text
    assert recounting.recount() == 0


def test_one_rsvp_per_address_per_date(client, stall):
    answer(client, stall, SATURDAYS[0])
    answer(client, stall, SATURDAYS[0], name="Again")
    assert Rsvp.objects.count() == 1
    assert mail.outbox[-1].subject == "You already have a place: Saturday stall"


def test_an_rsvp_to_the_cancelled_saturday_is_refused_politely(client, stall):
    response = answer(client, stall, SATURDAYS[1])

    assert response.status_code == 200
    assert "Saturday 23 March 2030, 10:00 is cancelled (The market is closed). Choose another date." in (
        visible_text(response)
    )
    assert not Rsvp.objects.exists() and mail.outbox == []
    assert response.status_code == answer(client, stall, date(2030, 3, 17)).status_code  # no such date: the same
    assert "Choose one of the dates listed." in visible_text(answer(client, stall, date(2030, 3, 17)))


def test_the_email_gives_the_chosen_date_and_attaches_that_date_alone(client, stall):
    answer(client, stall, SATURDAYS[3])

    [message] = mail.outbox
    assert "Saturday 6 April 2030, 10:00 BST to Saturday 6 April 2030, 13:00 BST" in message.body
    [event] = Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")
    assert event.decoded("DTSTART") == at(SATURDAYS[3])
    assert "RRULE" not in event


def test_reminders_go_the_day_before_each_date_to_that_dates_people(client, stall, django_capture_on_commit_callbacks):
    answer(client, stall, SATURDAYS[0], email="first@example.org")
    answer(client, stall, SATURDAYS[2], email="third@example.org")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert attendance.remind_due(now=at(SATURDAYS[2]) - timedelta(hours=20)) == 1
    [reminder] = mail.outbox
    assert reminder.to == ["third@example.org"] and "Saturday 30 March 2030, 10:00" in reminder.body


def test_cancelling_a_date_tells_those_coming_that_day_and_leaves_the_others(
    client, stall, django_capture_on_commit_callbacks
):
    answer(client, stall, SATURDAYS[2], email="third@example.org")
    answer(client, stall, SATURDAYS[3], email="fourth@example.org")
    mail.outbox.clear()

    OccurrenceCancellation.objects.create(page=stall, date=SATURDAYS[2], reason="Storm warning")
    with django_capture_on_commit_callbacks(execute=True):
        EventPage.objects.get(pk=stall.pk).save_revision().publish()

    assert Rsvp.objects.get(email="third@example.org").status == "cancelled"
    assert Rsvp.objects.get(email="fourth@example.org").status == "going"
    [told] = mail.outbox
    assert told.to == ["third@example.org"]
    assert told.subject == "Called off on Saturday 30 March 2030, 10:00 GMT: Saturday stall"
    assert "Storm warning" in told.body
    assert OccurrenceCount.objects.get(occurrence=at(SATURDAYS[2])).going == 0
    with django_capture_on_commit_callbacks(execute=True):
        EventPage.objects.get(pk=stall.pk).save_revision().publish()
    assert len(mail.outbox) == 1  # never told twice


def vevents(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content).walk("VEVENT")


def expanded(vevent):
    """The dates a calendar program shows: the RRULE from DTSTART, less each EXDATE."""
    start = vevent.decoded("DTSTART")
    rule = rrulestr(vevent["RRULE"].to_ical().decode(), dtstart=start)
    exdates = vevent.get("EXDATE")
    exdates = exdates if isinstance(exdates, list) else [exdates] if exdates else []
    skipped = {moment.dt for exdate in exdates for moment in exdate.dts}
    return [moment for moment in rule if moment not in skipped]


def test_the_events_ics_is_one_vevent_with_its_rule_and_the_saturday_off(client, stall):
    [event] = vevents(client.get("/events/saturday-stall.ics"))

    assert event["DTSTART"].params["TZID"] == "Europe/London"
    dates = expanded(event)
    assert [moment.date() for moment in dates] == [day for day in SATURDAYS if day != SATURDAYS[1]]
    assert [moment.astimezone(UTC).hour for moment in dates] == [10, 10, 9, 9]  # 10:00 London either side
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=3)
    calendar = Calendar.from_ical(client.get("/events/saturday-stall.ics").content)
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_the_feed_carries_the_stall_once_with_its_rule(client, stall, events_index):
    EventPageFactory(parent=events_index, title="One-off meeting", start=in_days(5))

    events = {str(item["SUMMARY"]): item for item in vevents(client.get("/events.ics"))}

    assert set(events) == {"Saturday stall", "One-off meeting"}
    assert len(expanded(events["Saturday stall"])) == 4
    assert "RRULE" not in events["One-off meeting"]


@pytest.mark.clock  # "next" moves with the clock: run again on the clock-change days
def test_an_ongoing_series_is_upcoming_and_listed_by_its_next_date(client, events_index):
    started = in_days(-20)  # weekly: its next date is in a day
    weekly(events_index, title="Weekly stall", start=started, repeat_count=None)
    EventPageFactory(parent=events_index, title="Sooner", start=in_days(0, hours=12))
    EventPageFactory(parent=events_index, title="Later", start=in_days(3))

    html = client.get("/events/").content.decode()
    titles = re.findall(r'class="card-link" href="[^"]+">([^<]+)<', html)
    assert titles == ["Sooner", "Weekly stall", "Later"]
    assert "Every " in html.split("Weekly stall")[1].split("</li>")[0]
    assert "Weekly stall" not in client.get("/events/past/").content.decode()
    home_order = [event.title for event in listing.soonest_first(events_index.upcoming_events(), limit=2)]
    assert home_order == ["Sooner", "Weekly stall"]


def test_the_page_costs_the_same_queries_with_one_date_or_ten(client, events_index):
    one = weekly(events_index, slug="one", repeat_count=1, takes_rsvps=True, helpers_wanted=2)
    ten = weekly(events_index, slug="ten", repeat_count=10, takes_rsvps=True, helpers_wanted=2)
    for day in SATURDAYS[1:4]:
        OccurrenceCancellation.objects.create(page=ten, date=day)
        attendance.take(ten, "Ada", "ada@example.org", occurrence=at(day + timedelta(days=21)))
    client.get(events_index.url)  # the site's settings and menus, read once per process

    with CaptureQueriesContext(connection) as for_one:
        client.get(one.url)
    with CaptureQueriesContext(connection) as for_ten:
        html = client.get(ten.url).content.decode()

    assert html.count('class="date-item') == 6  # DATES_SHOWN of the ten
    assert len(for_ten) == len(for_one), [query["sql"] for query in for_ten]


def test_editors_choose_the_repeat_its_end_and_the_dates_off_on_the_events_edit_screen(admin_client, stall):
    html = admin_client.get(f"/admin/pages/{stall.pk}/edit/").content.decode()

    assert 'name="repeats"' in html and "Every other week" in html and "the first of its weekday" in html
    assert 'name="repeat_until"' in html and 'name="repeat_count"' in html
    assert 'name="cancelled_occurrences-TOTAL_FORMS" value="1"' in html and "The market is closed" in html
    assert 'name="helpers_wanted"' in html
