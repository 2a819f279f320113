"""RSVP to a full event, join the waiting list, get the place when someone cancels, get the reminder (issue 19).

On the live server with the demo content: an event for one person already
has its one place taken. The visitor sees "Full: join the waiting list",
joins it, and is emailed (read from the test backend's outbox). The person
with the place cancels from their emailed link (a page with a button); the
visitor gets the place and an email saying so. The day before, the reminder
job (its function run directly) reminds them. Screens at both widths go to
test-artifacts/screens/.
"""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from campaign.events import attendance
from campaign.events.models import EventIndexPage, EventPage, Rsvp
from campaign.events.tasks import send_rsvp_reminders
from tests.events.factories import EventPageFactory
from tests.statements.visitor import path_of

from .checks import fill_form, format_violations, submit_button

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

SCREENS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"
VISITOR = "grace@example.org"


def screenshot(page, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=str(SCREENS / f"rsvp-{name}-{width}.png"), full_page=True)


def emails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_rsvp_to_a_full_event_wait_get_the_place_and_the_reminder(live_page, browser, live_site, axe):
    page = live_page
    index = EventIndexPage.objects.get()
    event = EventPageFactory(parent=index, title="Room for one", slug="room-for-one", takes_rsvps=True, capacity=1)
    attendance.take(event, "Sam", "sam@example.org")

    page.goto(event.url)
    expect(page.locator("#rsvp-heading")).to_have_text("Full: join the waiting list")
    expect(page.locator(".rsvp-count")).to_have_text("1 going · no places left")
    screenshot(page, "full-event")
    violations = axe(page)
    assert not violations, format_violations(violations, "the full event's page")

    form = "form.rsvp-form"
    fill_form(page, form, {"name": "Grace Hopper", "email": VISITOR, "phone": "07700 900456"})
    submit_button(page, form).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")  # the status goes only by email
    screenshot(page, "waiting")
    [waiting] = emails_to(VISITOR)
    assert waiting.subject == "Waiting list: Room for one"
    assert waiting.attachments[0][0] == "room-for-one.ics"

    # Sam cannot come: the link in Sam's email opens a page with a button (nothing happens on the GET).
    [sams] = emails_to("sam@example.org")
    stranger = browser.new_context(base_url=live_site, viewport=page.viewport_size)
    other = stranger.new_page()
    other.goto(path_of(re.search(r"https?://\S+/rsvp/cancel/\?token=\S+", sams.body).group(0)))
    expect(other.get_by_role("heading", level=1)).to_have_text("Cancel your place")
    assert Rsvp.objects.get(email="sam@example.org").status == "going"
    screenshot(other, "cancel")
    other.get_by_role("button", name="Cancel my place").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("You are no longer on the list")
    stranger.close()

    place = emails_to(VISITOR)[-1]
    assert place.subject == "A place for you: Room for one"
    assert Rsvp.objects.get(email=VISITOR).status == "going"

    # The day before: the scheduled job's function, run directly, reminds the visitor once.
    start = timezone.now() + timedelta(hours=20)
    EventPage.objects.filter(pk=event.pk).update(start=start, end=start + timedelta(hours=2))
    send_rsvp_reminders.call()
    send_rsvp_reminders.call()
    reminders = [message for message in emails_to(VISITOR) if message.subject == "Tomorrow: Room for one"]
    assert len(reminders) == 1
    assert emails_to("sam@example.org") == [sams]  # Sam, who cancelled, gets nothing more
