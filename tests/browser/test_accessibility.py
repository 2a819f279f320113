"""Each page at a phone and a desktop width meets WCAG 2.2 AA as far as a machine can tell.

One test per page and width runs all three checks: each test's fresh
database costs more than the checks themselves, so bundling keeps the suite
fast, and the failure message lists every problem found, check by check.
"""

import pytest

from .checks import VIEWPORTS, describe, focus_problems, format_violations, sideways_overflow, tab_stops
from .pages import PAGES_TO_CHECK

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("check", PAGES_TO_CHECK, ids=str)
def test_page_is_accessible(page, axe, check):
    """axe-core finds no violations; every tab stop is visibly focused and on screen
    (WCAG 2.4.7, 2.4.11); at phone width nothing scrolls sideways (1.4.10)."""
    response = page.goto(check.path)
    assert response.status == check.status
    problems = []

    stops = tab_stops(page)
    if not stops:
        problems.append("Tab reaches nothing on the page")
    problems += [f"Focus: {describe(stop)} {problem}" for stop in stops for problem in focus_problems(stop)]

    violations = axe(page)
    if violations:
        problems.append(format_violations(violations))

    if page.viewport_size["width"] <= VIEWPORTS["phone"]["width"]:
        overflow = sideways_overflow(page)
        if overflow > 0:
            problems.append(f"Reflow: the page is {overflow}px wider than a 375px phone screen")

    assert not problems, f"{check.path} ({check.name}):\n" + "\n".join(problems)
