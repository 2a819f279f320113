"""Event and news cards are tappable as a whole (issue 32), at a phone and a desktop width.

One real link per card, its title, stretched over the card with CSS: a tap
anywhere on the card opens the page, a screen reader hears one link, and a
link of its own inside a card still goes where it says.
"""

import pytest

from .checks import format_html_errors
from .test_screenshots import SCREENS, SLOW_MS

pytestmark = pytest.mark.browser


def tap_away_from_the_title(page, card):
    """Click the card's bottom-right corner: the venue or standfirst side, nowhere near the title's text."""
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 8, box["y"] + box["height"] - 8)


@pytest.mark.parametrize(
    ("path", "card_selector", "name"),
    [("/events/", ".card.event-card", "events"), ("/news/", ".card-list > .card", "news")],
)
def test_a_tap_anywhere_on_a_card_opens_its_page(page, path, card_selector, name):
    page.goto(path)
    card = page.locator(card_selector).first
    assert card.get_by_role("link").count() == 1  # one link per card, named by the title alone
    title_link = card.get_by_role("link")
    title, href = title_link.inner_text(), title_link.get_attribute("href")
    page.screenshot(path=str(SCREENS / f"cards-{name}-{page.viewport_size['width']}.png"))

    with page.expect_navigation():
        tap_away_from_the_title(page, card)

    assert page.url.endswith(href)
    assert page.get_by_role("heading", level=1).inner_text() == title


def test_a_link_of_its_own_inside_a_card_still_goes_where_it_says(page):
    page.goto("/events/")
    card = page.locator(".card.event-card").first
    # As a card with a second link (a venue's site, say) would show it.
    card.locator("p").last.evaluate("p => p.insertAdjacentHTML('beforeend', ' <a href=\"/news/\">Venue news</a>')")

    with page.expect_navigation():
        card.get_by_role("link", name="Venue news").click()

    assert page.url.endswith("/news/")


def test_the_card_under_the_pointer_is_outlined_and_the_keyboard_focuses_its_title(page):
    page.goto("/events/")
    card = page.locator(".card.event-card").first
    plain = card.evaluate("card => getComputedStyle(card).borderTopColor")
    card.hover()
    assert card.evaluate("card => getComputedStyle(card).borderTopColor") != plain
    title_link = card.get_by_role("link")
    title_link.focus()
    assert title_link.evaluate("a => getComputedStyle(a).outlineStyle") == "solid"


ISSUE_32_PAGES = {
    "home": "/",
    "news": "/news/",
    "events": "/events/",
    "events-filtered": "/events/?kind=stall&town=Leeds",
    "past-events": "/events/past/",
    "materials": "/materials/",
}


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_the_pages_with_cards_filters_the_calendar_and_posters_are_valid_html(page, html_checker):
    """The markup is the same at both widths; axe runs at both in test_accessibility.py and test_event_finder.py."""
    documents = {name: page.request.get(path, timeout=SLOW_MS).body() for name, path in ISSUE_32_PAGES.items()}
    assert not (errors := html_checker(documents)), format_html_errors(errors)
