"""The statement on a phone and a laptop: mistakes land on the form, the form adapts, the way to it stays at hand."""

import pytest

from .checks import submit_invalid
from .pages import FORMS

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

SIGNING = next(form for form in FORMS if form.name == "statement")


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_with_javascript_a_form_with_mistakes_opens_at_the_focused_error_summary(page):
    submit_invalid(page, SIGNING)

    summary = page.locator("#error-summary")
    expect(summary).to_be_in_viewport()
    page.wait_for_load_state()  # the deferred script has run
    assert page.evaluate("document.activeElement.id") == "error-summary"


def test_without_javascript_a_form_with_mistakes_opens_at_the_error_summary(no_js_page):
    submit_invalid(no_js_page, SIGNING)

    expect(no_js_page.locator("#error-summary")).to_be_in_viewport()


def test_choosing_an_organisation_shows_its_fields_and_ticks_nothing(page):
    page.goto("/statement/")
    organisation = page.get_by_label("Organisation name")
    name = page.locator("#sign").get_by_label("Your name")
    listed = page.locator("[name=show_publicly]")
    expect(organisation).to_be_hidden()
    expect(name).to_be_visible()
    expect(listed).not_to_be_checked()

    page.locator(".choice", has_text="An organisation").click()

    expect(organisation).to_be_visible()
    expect(name).to_be_hidden()
    expect(listed).not_to_be_checked()
    expect(page.get_by_text("Show our organisation’s name on the public list of signatories")).to_be_visible()
    page.locator(".choice", has_text="A person").click()
    expect(organisation).to_be_hidden()


def test_without_javascript_every_field_shows_under_whom_it_is_for(no_js_page):
    no_js_page.goto("/statement/")
    expect(no_js_page.get_by_text("If you are signing for an organisation")).to_be_visible()
    for label in ("Organisation name", "Type of organisation", "Your role in the organisation"):
        expect(no_js_page.get_by_label(label)).to_be_visible()


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_on_a_phone_a_button_jumps_to_the_form_while_it_is_out_of_view(page):
    page.goto("/statement/")
    jump = page.get_by_role("link", name="Sign the statement")
    page.locator("#signatories-heading").scroll_into_view_if_needed()
    expect(jump).to_be_visible()
    expect(jump).to_be_in_viewport()

    jump.click()

    expect(page.locator("#sign-heading")).to_be_in_viewport()
    expect(jump).to_be_hidden()


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_on_a_laptop_the_sign_box_sits_beside_the_text(page):
    page.goto("/statement/")
    expect(page.locator("[data-jump]")).to_be_hidden()  # the phone's jump button (the menu's link has its name too)

    box = page.locator("#sign").bounding_box()
    text = page.locator(".statement-body").bounding_box()
    assert box["x"] > text["x"] + text["width"], "the sign box is not beside the text"
    expect(page.locator("#sign-heading")).to_be_in_viewport()


@pytest.mark.parametrize("language", ["cy", "en-gb"])
def test_the_copy_button_speaks_the_pages_language(page, language):
    """statement.js takes its words from the page (#29): the Welsh statement's button and status are Welsh."""
    path, copy, copied = {
        "cy": ("/cy/datganiad/", "Copïo’r ddolen", "Wedi’i chopïo"),
        "en-gb": ("/statement/", "Copy link", "Copied"),
    }[language]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(path)
    button = page.get_by_role("button", name=copy, exact=True)
    button.scroll_into_view_if_needed()
    button.click()
    expect(page.locator(".copy-status")).to_have_text(copied)
    assert page.evaluate("navigator.clipboard.readText()") == page.locator("#share-url").input_value()
