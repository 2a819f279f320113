"""The home page's first screen on a phone and a laptop: the demand, the count, the milestone and the sign button.

Screenshots of the first screen (what a visitor sees before scrolling) go to
test-artifacts/screens/home-first-screen-<width>.png, for people to judge.
"""

import pytest

from .checks import format_html_errors, format_violations
from .test_html_validity import fetch
from .test_screenshots import SCREENS

pytestmark = pytest.mark.browser

FIRST_SCREEN = {
    "headline": "h1",
    "count": ".hero-text .counts .count",
    "progress": ".hero-text progress",
    "sign button": ".hero-action .button",
}


def bottom_of(page, selector):
    box = page.locator(selector).first.bounding_box()
    return None if box is None else box["y"] + box["height"]


def font_size(page, selector):
    return page.locator(selector).first.evaluate("(element) => parseFloat(getComputedStyle(element).fontSize)")


def test_the_first_screen_shows_the_demand_the_count_the_progress_and_the_sign_button(page, request):
    width = request.node.callspec.params["page"]
    page.goto("/", wait_until="networkidle")
    height = page.viewport_size["height"]

    below = {name: bottom_of(page, selector) for name, selector in FIRST_SCREEN.items()}

    assert all(bottom is not None and bottom <= height for bottom in below.values()), below
    assert "Throw out the Tories" in page.locator("h1").inner_text()
    assert page.locator(".hero-text .count").inner_text().endswith("have signed")
    assert "towards our next milestone" in page.locator(".hero-text .milestone").inner_text()
    assert page.locator(".hero-action .button").get_attribute("href") == "/statement/#sign"
    assert font_size(page, ".count-number") > font_size(page, "h1")  # the number is the biggest thing on screen
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"home-first-screen-{width}.png"))


def test_the_latest_signers_lead_to_everyone_who_has_signed(page):
    page.goto("/")
    signers = page.locator(".recent-signers li")
    assert signers.count() == 6
    page.locator(".recent-signers").get_by_role("link", name="See everyone who has signed").click()
    assert page.url.endswith("/statement/signatories/")


def test_the_home_page_passes_axe(page, axe):
    page.goto("/")
    violations = axe(page)
    assert not violations, format_violations(violations, "the home page")


def test_the_home_page_is_valid_html(html_checker, demo_server):
    status, body = fetch(demo_server + "/")
    errors = html_checker({"home": body})
    assert status == 200 and not errors, format_html_errors(errors)
