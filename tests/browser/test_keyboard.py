"""Keyboard-only visitors: the skip link comes first, is visible, and skips to the content.

That every tab stop shows focus is checked on every page in test_accessibility.py.
"""

import pytest

from .checks import describe, focus_problems, focused

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
