"""The weekly stall (issue 28): a visitor sees at a glance when the next stall is and which Saturday is off,
chooses a later Saturday and signs up to help; the page then counts them for that Saturday.

On the live server with the demo content, whose Saturday stall on Briggate wants four helpers and has its
second Saturday off. axe and the Nu HTML Checker run on the page as the server sent it; screens at both
widths go to test-artifacts/screens/ (weekly-stall-*.png).
"""

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format
from icalendar import Calendar

from campaign.events import recurrence
from campaign.events.models import EventPage, Rsvp

from .checks import fill_form, format_html_errors, format_violations, submit_button
from .test_screenshots import SCREENS

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

HELPER = "hana@example.org"


def screenshot(page, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"weekly-stall-{name}-{page.viewport_size['width']}.png"), full_page=True)


def long_date(occurrence):
    return date_format(occurrence.start, "l j F Y, H:i")


def test_see_the_next_stall_and_the_saturday_off_then_help_on_a_later_saturday(live_page, axe, html_checker):
    page = live_page
    stall = EventPage.objects.get(slug="leeds-saturday-stall")
    first, off, later = recurrence.occurrences(stall, timezone.now(), limit=3)
    assert off.cancelled and not first.cancelled and not later.cancelled

    page.goto(stall.url)
    expect(page.locator(".next-date")).to_have_text(f"Next: {long_date(first)}")
    expect(page.locator(".event-facts")).to_contain_text("Every Saturday, 10:00 to 13:00")
    cancelled = page.locator(".date-item.is-cancelled")
    expect(cancelled).to_have_count(1)
    expect(cancelled).to_contain_text(date_format(off.start, "D j M Y"))
    expect(cancelled).to_contain_text("Cancelled The street is closed for a fair that day.")
    expect(page.locator(".date-item").first).to_contain_text("0 of 4 helpers")
    screenshot(page, "page")
    violations = axe(page)
    assert not violations, format_violations(violations, "the weekly stall's page")
    errors = html_checker({"weekly-stall": page.request.get(stall.url).body()})
    assert not errors, format_html_errors(errors)

    form = "form.rsvp-form"
    expect(page.get_by_label("Which date?")).to_have_value(first.key)  # the next one, unless they choose
    options = page.get_by_label("Which date?").locator("option")
    assert off.key not in [options.nth(i).get_attribute("value") for i in range(options.count())]
    fill_form(page, form, {"occurrence": later.key, "role": "helper", "name": "Hana", "email": HELPER})
    screenshot(page, "form")
    submit_button(page, form).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    expect(page.locator("p.notice").first).to_contain_text(f"on {long_date(later)}")
    screenshot(page, "done")

    rsvp = Rsvp.objects.get(email=HELPER)
    assert (rsvp.occurrence, rsvp.role, rsvp.status) == (later.start, "helper", "going")
    [message] = [message for message in mail.outbox if message.to == [HELPER]]
    assert message.subject == "You are helping: Saturday stall on Briggate"
    [event] = Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")
    assert event.decoded("DTSTART") == later.start

    page.goto(stall.url)
    expect(page.locator(".date-item").nth(2)).to_contain_text("1 of 4 helpers")
    expect(page.locator(".date-item").first).to_contain_text("0 of 4 helpers")


def test_the_stall_imports_into_a_calendar_as_one_event_without_the_saturday_off(live_page):
    page = live_page
    stall = EventPage.objects.get(slug="leeds-saturday-stall")
    body = page.request.get(stall.ics_url).body()

    [event] = Calendar.from_ical(body).walk("VEVENT")
    assert "RRULE" in event and "EXDATE" in event
    held = [item.start for item in recurrence.occurrences(stall) if not item.cancelled]
    off = [item.start for item in recurrence.occurrences(stall) if item.cancelled]
    assert [moment.dt for moment in event["EXDATE"].dts] == off
    assert event.decoded("DTSTART") == held[0]
