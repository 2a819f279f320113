"""The header on a phone: short, with the menu folded behind a "Menu" button that needs no JavaScript."""

import pytest

from .checks import focused

pytestmark = pytest.mark.browser


def header_height(page):
    return page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")


def nav_visible(page):
    return page.locator(".site-nav a").first.is_visible()


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_phone_header_is_at_most_100px_with_the_menu_folded(page):
    page.goto("/statement/")
    assert header_height(page) <= 100
    assert not nav_visible(page)
    assert page.locator("summary.menu-button").is_visible()


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_menu_opens_from_the_keyboard_and_says_so(page):
    page.goto("/")
    for _ in range(5):
        page.keyboard.press("Tab")
        if focused(page)["tag"] == "summary":
            break
    assert focused(page)["label"] == "Menu"
    page.keyboard.press("Enter")
    assert nav_visible(page)
    assert page.locator("details.site-menu").get_attribute("open") is not None
    page.locator(".site-nav a", has_text="Events").click()
    assert page.url.endswith("/events/")


def test_menu_works_without_javascript(no_js_page):
    no_js_page.goto("/")
    assert not nav_visible(no_js_page)
    no_js_page.locator("summary.menu-button").click()
    assert nav_visible(no_js_page)


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_wide_screens_show_the_links_and_no_menu_button(page):
    page.goto("/")
    assert nav_visible(page)
    assert not page.locator("summary.menu-button").is_visible()


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_home_page_first_phone_screen_has_headline_count_and_sign_button(page):
    page.goto("/")
    height = page.viewport_size["height"]
    button = page.get_by_role("link", name="Sign the statement").first
    for locator in (page.locator("h1"), page.locator(".signed-count"), button):
        box = locator.bounding_box()
        assert box is not None and box["y"] + box["height"] <= height
    assert "have signed" in page.locator(".signed-count").inner_text()
    assert button.get_attribute("href") == "/statement/#sign"


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_choices_are_big_enough_to_tap(page):
    """Every choice a signer can see, for each kind of signer: the form hides the ones that do not apply to them."""
    page.goto("/statement/")
    kinds = page.locator("form[data-signing] input[name=kind]")
    assert kinds.count() >= 2
    for kind in kinds.all():
        kind.check()
        shown = [label for label in page.locator("label.choice").all() if label.is_visible()]
        assert len(shown) >= 3, f"only {len(shown)} choices shown for kind={kind.get_attribute('value')}"
        for label in shown:
            box = label.bounding_box()
            assert box["height"] >= 40, label.inner_text()
