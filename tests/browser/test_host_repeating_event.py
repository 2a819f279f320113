"""The host of the demo's weekly stall sees each Saturday with its own counts and people, the next first
(issue 28), in Chromium at 375 and 1280 px: axe, the Nu HTML Checker, screens in test-artifacts/screens/hosts/."""

import pytest

from campaign.events import attendance, recurrence
from campaign.events.models import EventPage, Rsvp
from campaign.hosts.models import Host
from campaign.hosts.tokens import HOST_LINK

from .checks import format_html_errors, format_violations
from .conftest import ARTIFACTS
from .test_host_journey import HostPages

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect


def test_a_weekly_stalls_host_sees_each_date_apart(live_page, axe, html_checker):
    stall = EventPage.objects.get(slug="leeds-saturday-stall")
    first, off, third = recurrence.occurrences(stall, limit=3)
    attendance.take(stall, "Ada Lovelace", "ada@example.org", occurrence=first.start)
    attendance.take(stall, "Hal Helper", "hal@example.org", occurrence=first.start, role=Rsvp.Role.HELPER)
    attendance.take(stall, "Bob Jones", "bob@example.org", occurrence=third.start)
    host = Host.objects.create(event=stall, name="Sam Host", email="sam@example.org")
    pages = HostPages(live_page, axe, ARTIFACTS / "screens" / "hosts", live_page.viewport_size["width"])

    pages.visit(f"/host/{HOST_LINK.make(host)}/", "repeating-event")

    dates = live_page.locator("section.host-date")
    expect(dates.first).to_contain_text("Ada Lovelace")
    expect(dates.first).to_contain_text("Hal Helper")
    expect(dates.nth(1)).to_contain_text("cancelled")  # the demo's second Saturday is off
    expect(dates.nth(2)).to_contain_text("Bob Jones")
    errors = html_checker(pages.documents)
    assert not errors, format_html_errors(errors)
    assert not pages.violations, format_violations(pages.violations, "the host's page")
