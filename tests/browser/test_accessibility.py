"""axe-core finds no WCAG 2.2 AA violations, and every page fits a phone's screen."""

import pytest

from .checks import format_violations
from .pages import PAGES_TO_CHECK

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("check", PAGES_TO_CHECK, ids=str)
def test_page_has_no_accessibility_violations(page, axe, check):
    response = page.goto(check.path)
    assert response.status == check.status

    violations = axe(page)

    assert not violations, format_violations(violations, f"{check.path} ({check.name})")


@pytest.mark.parametrize("page", ["phone"], indirect=True)
@pytest.mark.parametrize("check", PAGES_TO_CHECK, ids=str)
def test_page_fits_a_phone_screen_without_sideways_scrolling(page, check):
    """WCAG 1.4.10 (reflow): at 375 px nothing makes the visitor scroll sideways."""
    page.goto(check.path)

    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")

    assert overflow <= 0, f"{check.path} is {overflow}px wider than a 375px phone screen"
