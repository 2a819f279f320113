"""A real browser: a form on another site that posts to ours is refused politely; our own forms pass.

Chromium sends Sec-Fetch-Site and Origin itself, so this checks the headers
core.cross_origin reads as a browser really sends them.
"""

import pytest

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser

ELSEWHERE = "http://elsewhere.example/"


def test_a_form_on_another_site_cannot_sign_for_the_visitor(page, request, demo_server):
    width = request.node.callspec.params["page"]
    page.route(
        ELSEWHERE,
        lambda route: route.fulfill(
            content_type="text/html",
            body=(
                f'<!DOCTYPE html><form method="post" action="{demo_server}/statement/sign/">'
                '<input name="kind" value="person"><input name="name" value="Mallory">'
                '<input name="email" value="mallory@example.org"><button>Go</button></form>'
            ),
        ),
    )
    page.goto(ELSEWHERE)
    with page.expect_navigation() as navigation:
        page.click("button")
    assert navigation.value.status == 403
    assert page.locator("h1").inner_text() == "Please send the form from this site"
    (ARTIFACTS / "screens").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "screens" / f"cross-origin-refused-{width}.png"), full_page=True)
