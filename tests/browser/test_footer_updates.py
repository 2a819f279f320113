"""The footer on every page: the email-only sign-up for updates, and the imprint (issue 32).

In a real browser at a phone and a laptop width, with JavaScript off: the
home page is opened twice (the second time from the page cache, as most
visitors get it), the visitor tabs to the footer's address field, types and
presses Enter, and lands on "Check your inbox"; the email asking to confirm
arrives. The form's own page, empty and with an error, passes axe-core and
the Nu HTML Checker. Screenshots: test-artifacts/screens/footer-<width>.png.
"""

import pytest
from django.core import mail

from core.subscriptions.models import Consent

from .checks import VIEWPORTS, focused, format_html_errors, format_violations
from .test_screenshots import SCREENS

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

IMPRINT = "Promoted by A. Organiser on behalf of Socialist Campaign for a Labour Victory, 1 Example Street"


@pytest.fixture(params=list(VIEWPORTS))
def no_js_live_page(request, browser, live_site):
    context = browser.new_context(base_url=live_site, viewport=VIEWPORTS[request.param], java_script_enabled=False)
    context.set_default_timeout(10_000)
    yield context.new_page(), request.param
    context.close()


def tab_to(page, name, limit=120):
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if element and element["name"] == name:
            return
    raise AssertionError(f"Tab never reached the field {name!r}")


def test_the_footer_signs_up_for_updates_by_keyboard_without_javascript_from_a_cached_page(no_js_live_page):
    page, width = no_js_live_page
    page.goto("/")
    page.goto("/")  # from the page cache now: the same bytes for everyone, no token in them
    footer = page.locator("footer.site-footer")
    expect(footer.locator(".imprint")).to_contain_text(IMPRINT)
    expect(footer.get_by_role("heading", name="Campaign updates by email")).to_be_visible()
    SCREENS.mkdir(parents=True, exist_ok=True)
    footer.screenshot(path=str(SCREENS / f"footer-{width}.png"))

    tab_to(page, "updates-email")
    page.keyboard.type("rosa@example.org")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    assert [message.to for message in mail.outbox] == [["rosa@example.org"]]
    assert Consent.objects.get().confirmed_at is None  # nothing is sent until the emailed button is pressed


@pytest.mark.parametrize("live_page", ["phone", "desktop"], indirect=True)
def test_the_forms_own_page_empty_and_with_an_error_is_accessible_and_valid(live_page, request, axe, html_checker):
    page, width = live_page, request.node.callspec.params["live_page"]
    documents, problems = {}, []
    documents["empty"] = page.goto("/email-updates/").body()
    problems += [format_violations(v, "the empty form") for v in [axe(page)] if v]

    page.locator("main form").get_by_label("Your email address").fill("not an address")
    with page.expect_navigation() as navigation:
        page.locator("main form").get_by_role("button", name="Send me updates").click()
    expect(page.locator("#error-summary")).to_contain_text("Enter an email address like name@example.org.")
    documents["error"] = navigation.value.body()
    problems += [format_violations(v, "the form with an error") for v in [axe(page)] if v]
    page.screenshot(path=str(SCREENS / f"updates-form-error-{width}.png"), full_page=True)

    assert not problems, "\n".join(problems)
    if width == "desktop":
        errors = html_checker(documents)
        assert not errors, format_html_errors(errors)
