"""With JavaScript switched off every page still shows its content and its links work."""

import pytest

from .pages import PAGES_TO_CHECK

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("check", PAGES_TO_CHECK, ids=str)
def test_page_works_without_javascript(no_js_page, check):
    response = no_js_page.goto(check.path)

    assert response.status == check.status
    heading = no_js_page.locator("h1")
    assert heading.count() == 1, f"{check.path} shows no main heading without JavaScript"
    assert heading.is_visible()


def test_navigation_works_without_javascript(no_js_page):
    no_js_page.goto("/no-such-page/")

    with no_js_page.expect_navigation():
        no_js_page.get_by_role("link", name="Go to the home page").click()

    assert no_js_page.evaluate("location.pathname") == "/"
