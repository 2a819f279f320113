"""Full-page screenshots of every page in PAGES_TO_CHECK, at a phone and a laptop width, on every run.

Not a check of pixels: a record for people to look at, under
test-artifacts/screens/<page>-<width>.png, so a change to the look is seen
on every page type before it is merged. Beside them: the pages a visitor
reaches only by sending a form (an order, a speaker invitation: their
thank-you pages repeat what was sent), and the statement's share card as
WhatsApp or Facebook would show it. The tests fail only if a page cannot be
shown.
"""

import datetime
import re

import pytest

from .checks import fill_form, format_html_errors, format_violations, submit_button
from .conftest import ARTIFACTS
from .pages import FORMS, PAGES_TO_CHECK

pytestmark = pytest.mark.browser

SCREENS = ARTIFACTS / "screens"
SLOW_MS = 30_000  # the materials page draws its previews on a first visit, on a shared, busy machine

ORDER = {
    "name": "Ada Lovelace",
    "email": "ada@example.org",
    "organisation": "Leeds Trades Council",
    "address": "1 Example Street\nLeeds LS1 1AA",
    "notes": "For our stall on Saturday.",
}


def screenshot(page, name, width):
    SCREENS.mkdir(parents=True, exist_ok=True)
    path = SCREENS / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True, timeout=SLOW_MS)  # a long page, on a busy machine
    assert path.stat().st_size > 0


def test_full_page_screenshots_of_every_page_type(page, request):
    width = request.node.callspec.params["page"]
    for check in PAGES_TO_CHECK:
        response = page.goto(check.path, wait_until="networkidle", timeout=SLOW_MS)
        assert response.status == check.status, check.path
        screenshot(page, check.name, width)


def test_the_thank_you_pages_after_an_order_and_an_invitation_repeat_it_accessibly(page, request, axe, html_checker):
    """Screenshots of both, and the checks every page gets: axe-core and the Nu HTML Checker find nothing."""
    width = request.node.callspec.params["page"]
    documents, problems = {}, []

    def send(path, form, data, thanks, shows):
        page.goto(path, timeout=SLOW_MS)
        fill_form(page, form, data)
        if path == "/materials/":
            page.locator(f"{form} input[name^=quantity_]").first.fill("25")
            needed_by = datetime.date.today() + datetime.timedelta(days=21)
            page.locator(f"{form} [name=needed_by]").fill(needed_by.isoformat())
        with page.expect_navigation(timeout=SLOW_MS) as navigation:
            submit_button(page, form).click()
        # The form posts to its own heading (#order-heading), and the browser keeps that fragment through the redirect.
        assert re.search(rf"{thanks}(#.*)?$", page.url), page.url
        assert page.get_by_text(shows).is_visible()
        assert page.evaluate("window.scrollY") == 0  # it opens at its title ("Order received")
        name = "order-received" if path == "/materials/" else "invitation-received"
        screenshot(page, name, width)
        documents[name] = navigation.value.body()
        violations = axe(page)
        if violations:
            problems.append(f"{name}: {format_violations(violations)}")

    send("/materials/", "form[method=post]", ORDER, "/materials/ordered/", "25 ×")
    invitation = next(check for check in FORMS if check.name == "speaker-invitation")
    send(invitation.path, invitation.form, invitation.valid, "/motion/invited/", invitation.valid["proposed_dates"])

    assert not problems
    if width == "desktop":  # the markup is the same at both widths; the checker's Java is slow to start
        errors = html_checker(documents)
        assert not errors, format_html_errors(errors)


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_the_statements_share_card_is_saved_beside_the_screenshots(page):
    response = page.request.get("/statement/share-card.png")

    assert response.ok and response.headers["content-type"] == "image/png"
    SCREENS.mkdir(parents=True, exist_ok=True)
    (SCREENS / "statement-share-card.png").write_bytes(response.body())
