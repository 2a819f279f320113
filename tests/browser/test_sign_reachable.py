"""On a laptop the sign box's button is reached by scrolling the page, as anything else on it is.

The box once stuck beside the text with a scroll of its own: its button sat
below the box's fold, and scrolling the page (over the text, where the wheel
usually is) never brought it up.
"""

import pytest

from .conftest import _new_context, _open_page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

LAPTOPS = {"1280x720": {"width": 1280, "height": 720}, "1440x900": {"width": 1440, "height": 900}}
WHEEL_STEPS = 40


@pytest.fixture(params=list(LAPTOPS))
def laptop_page(request, browser, demo_server):
    context = _new_context(browser, demo_server, viewport=LAPTOPS[request.param])
    yield from _open_page(request, context)
    context.close()


def button_under_its_centre(page, button):
    """True when the button is on screen and nothing covers or clips it at its centre."""
    box = button.bounding_box()
    if box is None:
        return False
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    if not (0 <= y <= page.viewport_size["height"]):
        return False
    under = "([x, y, el]) => el.contains(document.elementFromPoint(x, y))"
    return page.evaluate(under, [x, y, button.element_handle()])


@pytest.mark.parametrize("kind", ["A person", "An organisation"])
def test_scrolling_the_page_brings_the_sign_button_into_view_and_it_can_be_clicked(laptop_page, kind):
    page = laptop_page
    page.goto("/statement/")
    page.locator("#sign .choice", has_text=kind).click()  # an organisation's form is the taller
    button = page.locator("#sign").get_by_role("button", name="Sign the statement")
    text = page.locator(".statement-body").bounding_box()
    page.mouse.move(text["x"] + 20, min(text["y"] + 20, page.viewport_size["height"] / 2))  # the wheel over the text

    for _ in range(WHEEL_STEPS):
        if button_under_its_centre(page, button):
            break
        page.mouse.wheel(0, 200)
        page.wait_for_timeout(50)
    assert button_under_its_centre(page, button), "scrolling the page never showed the sign button"

    box = button.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # where it is, no scrolling for it
    expect(page.locator("#error-summary")).to_be_visible()  # the empty form was sent and answered


def test_no_box_around_the_sign_form_scrolls_on_its_own(laptop_page):
    page = laptop_page
    page.goto("/statement/")
    page.locator("#sign .choice", has_text="An organisation").click()
    scrolling = page.evaluate(
        """() => {
          const found = [];
          for (let el = document.querySelector('#sign button[type=submit]'); el; el = el.parentElement) {
            const overflow = getComputedStyle(el).overflowY;
            if (el !== document.documentElement && el !== document.body
                && (overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight) {
              found.push(el.id || el.className);
            }
          }
          return found;
        }"""
    )
    assert scrolling == [], f"these boxes scroll on their own: {scrolling}"
