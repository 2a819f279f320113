"""Find an event near you (issue 28) in a browser: a Leeds postcode typed into the events list finds the
Briggate and Kirkgate stalls two miles away first, with their distance; a radius too small offers a wider
one; a postcode not in the lookup says so above the normal list.

On the live server with the demo content and the test lookup's postcodes (tests/events/factories.PLACES);
the demo events are saved again so they take their points from them, as an organiser's would after loading
the lookup. axe and the Nu HTML Checker run on each state; screens at both widths go to
test-artifacts/screens/events/ (near-you-*.png).
"""

import pytest

from campaign.events.models import EventPage
from tests.events.factories import load_places

from .checks import format_html_errors, format_violations
from .test_screenshots import SCREENS

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

FOLDER = SCREENS / "events"


@pytest.fixture
def placed(live_page):
    load_places()
    for event in EventPage.objects.all():
        event.save()
    return live_page


def screenshot(page, name):
    FOLDER.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(FOLDER / f"near-you-{name}-{page.viewport_size['width']}.png"), full_page=True)


def check(page, axe, html_checker, name):
    violations = axe(page)
    assert not violations, format_violations(violations, name)
    errors = html_checker({name: page.request.get(page.url).body()})
    assert not errors, format_html_errors(errors)


def test_a_leeds_postcode_finds_the_stalls_two_miles_away_first(placed, axe, html_checker):
    page = placed
    page.goto("/events/")
    form = page.get_by_role("search", name="Find an event near you")
    form.get_by_label("Postcode").fill("ls6 1aa")
    form.get_by_role("button", name="Find").click()

    expect(page.locator("#near-heading")).to_have_text("Within 10 miles of LS6 1AA (2)")
    cards = page.locator(".near-card")
    expect(cards.first.locator(".card-link")).to_have_text("Saturday stall on Briggate")
    expect(cards.first.locator(".distance")).to_have_text("About 2.0 miles away")
    expect(cards.nth(1).locator(".card-link")).to_have_text("Street stall at Kirkgate Market")
    expect(cards.nth(1).locator(".distance")).to_have_text("About 2.1 miles away")
    expect(page.get_by_role("heading", name="Online events")).to_be_visible()
    expect(form.get_by_label("Postcode")).to_have_value("LS6 1AA")
    screenshot(page, "found")
    check(page, axe, html_checker, "near-you-found")


def test_too_small_a_radius_offers_a_wider_one(placed, axe, html_checker):
    page = placed
    page.goto("/events/?postcode=HX1+1AA&within=5")  # Halifax: the Leeds stalls are 14 miles away
    expect(page.locator(".near-none")).to_have_text("No events within 5 miles of HX1 1AA. Widen to 10 miles")
    screenshot(page, "none")
    check(page, axe, html_checker, "near-you-none")

    page.get_by_role("link", name="Widen to 10 miles").click()
    page.get_by_role("link", name="Widen to 25 miles").click()
    expect(page.locator(".near-card .card-link")).to_contain_text(["Briggate", "Kirkgate"])  # then Manchester's
    expect(page.get_by_label("Within", exact=True)).to_have_value("25")


def test_a_postcode_not_in_the_lookup_says_so_above_the_normal_list(placed, axe, html_checker):
    page = placed
    page.goto("/events/?postcode=LS99+9ZZ")
    expect(page.locator(".near-you-problem")).to_contain_text("We could not find LS99 9ZZ in our list of postcodes.")
    expect(page.locator("#event-list-heading")).to_contain_text("Coming up")
    screenshot(page, "unknown")
    check(page, axe, html_checker, "near-you-unknown")
