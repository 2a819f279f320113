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

from .checks import fill_form, submit_button
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
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 0


def test_full_page_screenshots_of_every_page_type(page, request):
    width = request.node.callspec.params["page"]
    for check in PAGES_TO_CHECK:
        response = page.goto(check.path, wait_until="networkidle", timeout=SLOW_MS)
        assert response.status == check.status, check.path
        screenshot(page, check.name, width)


def test_screenshots_of_the_thank_you_pages_after_an_order_and_a_speaker_invitation(page, request):
    width = request.node.callspec.params["page"]
    page.goto("/materials/", timeout=SLOW_MS)
    form = "form[method=post]"
    fill_form(page, form, ORDER)
    page.locator(f"{form} input[name^=quantity_]").first.fill("25")
    page.locator(f"{form} [name=needed_by]").fill((datetime.date.today() + datetime.timedelta(days=21)).isoformat())
    submit_button(page, form).click()
    # The form posts to its own heading (#order-heading), and the browser keeps that fragment through the redirect.
    page.wait_for_url(re.compile(r"/materials/ordered/(#.*)?$"), wait_until="domcontentloaded", timeout=SLOW_MS)
    assert page.get_by_text("25 ×").is_visible()
    assert page.evaluate("window.scrollY") == 0  # it opens at its title, "Order received"
    screenshot(page, "order-received", width)

    invitation = next(check for check in FORMS if check.name == "speaker-invitation")
    page.goto(invitation.path, timeout=SLOW_MS)
    fill_form(page, invitation.form, invitation.valid)
    submit_button(page, invitation.form).click()
    page.wait_for_url(re.compile(r"/motion/invited/(#.*)?$"), wait_until="domcontentloaded", timeout=SLOW_MS)
    assert page.get_by_text(invitation.valid["proposed_dates"]).is_visible()
    screenshot(page, "invitation-received", width)


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_the_statements_share_card_is_saved_beside_the_screenshots(page):
    response = page.request.get("/statement/share-card.png")

    assert response.ok and response.headers["content-type"] == "image/png"
    SCREENS.mkdir(parents=True, exist_ok=True)
    (SCREENS / "statement-share-card.png").write_bytes(response.body())
