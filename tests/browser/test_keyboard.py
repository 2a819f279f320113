"""Keyboard-only visitors: the skip link comes first, and focus is always visible."""

import pytest

from .checks import describe, focus_problems, focused, tab_stops
from .pages import PAGES_TO_CHECK

pytestmark = pytest.mark.browser


def test_skip_link_is_the_first_tab_stop_and_is_visible(page):
    page.goto("/")

    page.keyboard.press("Tab")
    element = focused(page)

    assert element is not None, "Tab from the top of the page focused nothing"
    assert "skip-link" in element["classes"], f"The first tab stop is {describe(element)}, not the skip link"
    assert element["label"] == "Skip to main content"
    assert focus_problems(element) == []
    assert element["top"] >= 0 and element["left"] >= 0, "The focused skip link is off screen"

    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main", "The skip link did not move focus to main"


@pytest.mark.parametrize("check", PAGES_TO_CHECK, ids=str)
def test_every_tab_stop_shows_where_focus_is(page, check):
    """WCAG 2.4.7 and 2.4.11: every element Tab reaches is visibly focused and on screen."""
    page.goto(check.path)

    stops = tab_stops(page)

    assert stops, f"Tab reaches nothing on {check.path}"
    problems = [f"{describe(stop)} {problem}" for stop in stops for problem in focus_problems(stop)]
    assert not problems, f"On {check.path}:\n" + "\n".join(problems)
