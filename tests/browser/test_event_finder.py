"""The events list on a phone: filters folded away so the first event is in the first screen (issue 32).

On a wide screen the filters stand open with no click and no JavaScript; on
a phone they are one line ("Filter by kind, town or region") that opens in
place, and open by themselves while filters are in use.
"""

import pytest

from .checks import format_violations
from .test_screenshots import SCREENS

pytestmark = pytest.mark.browser

FIRST_SCREEN = {"width": 375, "height": 667}  # a small phone: iPhone SE


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_on_a_small_phone_the_first_event_is_in_the_first_screen(page):
    page.set_viewport_size(FIRST_SCREEN)
    page.goto("/events/")
    first = page.locator(".card.event-card").first
    box = first.get_by_role("link").bounding_box()
    page.screenshot(path=str(SCREENS / "events-first-screen-375.png"))
    assert box["y"] + box["height"] <= FIRST_SCREEN["height"], "the first event's title is below the first screen"
    assert not page.get_by_label("Kind of event").is_visible()


def test_filters_fold_on_a_phone_and_stand_open_on_a_wide_screen(page):
    page.goto("/events/")
    filters = page.get_by_role("search", name="Filter events")
    summary = page.locator(".event-filters-fold > summary")
    width = page.viewport_size["width"]
    if width <= 375:
        assert not filters.is_visible()
        summary.click()
        assert page.get_by_label("Kind of event").is_visible()
    else:
        assert not summary.is_visible()
    assert page.get_by_label("Town, area or postcode").is_visible()
    page.screenshot(path=str(SCREENS / f"events-filters-{width}.png"))

    page.get_by_label("Kind of event").select_option(label="Street stall")
    page.get_by_role("button", name="Show events").click()

    assert "kind=" in page.url
    titles = page.locator(".card.event-card .card-link").all_inner_texts()
    assert titles and all("stall" in title.lower() for title in titles)
    # While in use, the filters are open, showing what was chosen and how to clear it.
    assert page.get_by_label("Kind of event").is_visible()
    assert page.get_by_role("link", name="Clear filters").is_visible()


def test_filters_in_use_are_accessible_and_the_folded_page_is_too(page, axe):
    for path in ("/events/", "/events/?kind=stall", "/events/past/"):
        page.goto(path)
        violations = axe(page)
        assert not violations, format_violations(violations, path)
