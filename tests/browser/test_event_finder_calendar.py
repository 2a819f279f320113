"""Subscribing to the events calendar: a button per common calendar app, and the address to copy (issue 32).

Plain links to each app's own "subscribe" address, no third-party script;
the copy button appears only where the browser can copy.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from .test_screenshots import SCREENS

pytestmark = pytest.mark.browser


def test_each_calendar_app_has_a_button_to_subscribe(page):
    page.goto("/events/")
    section = page.get_by_role("region", name="Add these events to your calendar")
    section.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENS / f"events-calendar-{page.viewport_size['width']}.png"), full_page=True)

    feed = section.locator("code").inner_text()
    assert urlsplit(feed).path == "/events.ics"
    webcal = "webcal://" + feed.split("://", 1)[1]
    google = section.get_by_role("link", name="Google Calendar")
    outlook = section.get_by_role("link", name="Outlook")
    apple = section.get_by_role("link", name="Apple Calendar")
    for button in (google, outlook, apple):
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44  # a thumb-sized target
    assert parse_qs(urlsplit(google.get_attribute("href")).query)["cid"] == [webcal]
    assert parse_qs(urlsplit(outlook.get_attribute("href")).query)["url"] == [feed]
    assert apple.get_attribute("href") == webcal
    # The demo site's address is its PUBLIC_BASE_URL, not this test server's: fetch the same path here.
    assert page.request.get(urlsplit(feed).path).headers["content-type"].startswith("text/calendar")
    assert page.locator("script[src^=http]").count() == 0  # no third-party script


def test_the_address_is_copied_with_one_press(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        page.goto("/events/")
        page.get_by_role("button", name="Copy the address").click()
        # The browser copies in the background: the status says so once it has, a moment after the press.
        expect(page.get_by_role("status").filter(has_text="Copied.")).to_be_visible()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.locator("#calendar-address").inner_text()
    finally:
        page.context.clear_permissions()


def test_without_javascript_the_address_is_there_to_select_and_no_dead_button(no_js_page):
    no_js_page.goto("/events/")
    assert no_js_page.locator("#calendar-address").is_visible()
    assert not no_js_page.get_by_role("button", name="Copy the address").is_visible()
