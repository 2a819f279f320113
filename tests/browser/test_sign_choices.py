"""The sign form at a phone's and a laptop's width: eight questions for a person, nothing ticked, no tick carried over;
the confirmation email's link wraps on a phone; the thank-you page's sharing buttons."""

import re

import pytest

from core.emails import render_email

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

CHOICES = ("show_publicly", "show_contact", "keep_informed", "introduce_me")


def visible_fields(page):
    """The names of the sign form's fields a visitor sees (the honeypot is hidden by CSS)."""
    return set(
        page.locator("[data-signing]").evaluate(
            """form => [...form.elements].filter(e => e.name && e.type !== 'hidden' && e.name !== 'website'
                 && e.checkVisibility()).map(e => e.name)"""
        )
    )


def choose(page, kind):
    page.locator("#sign .choice", has_text=kind).click()


def ticked(page):
    return {name for name in CHOICES if page.locator(f"#sign [name={name}]").is_checked()}


def test_a_person_sees_eight_questions_and_an_organisation_only_what_its_type_needs(page):
    page.goto("/statement/")
    person = {"kind", "name", "email", "postcode", "region", "show_publicly", "keep_informed", "introduce_me"}
    assert visible_fields(page) == person

    choose(page, "An organisation")
    page.get_by_label("Type of organisation").select_option("campaign")
    campaign = visible_fields(page)
    assert "union" not in campaign and "name" not in campaign and "role" not in campaign
    page.get_by_label("Type of organisation").select_option("union")
    page.get_by_label("Its union").select_option("other")
    page.get_by_label("Also show my own name and role beside the organisation’s").check()
    assert visible_fields(page) - campaign == {"union", "union_other", "contact_name", "role"}
    assert len(visible_fields(page)) == 14  # the most anyone is asked: a union branch's contact who is listed


def test_nothing_is_ticked_and_switching_kind_carries_no_tick_over(page):
    page.goto("/statement/")
    assert ticked(page) == set()

    page.locator("#sign [name=show_publicly]").check()
    choose(page, "An organisation")
    assert ticked(page) == set()
    page.locator("#sign [name=show_publicly]").check()
    page.locator("#sign [name=show_contact]").check()
    choose(page, "A person")
    assert ticked(page) == set()
    choose(page, "An organisation")
    assert ticked(page) == set()


def test_without_javascript_nothing_is_ticked(no_js_page):
    no_js_page.goto("/statement/")
    assert ticked(no_js_page) == set()


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_the_confirmation_emails_plain_link_wraps_on_a_phone(page):
    long_link = "https://campaign.example.org/statement/confirm/?token=" + "WzEsImE1YmRjNTZm" * 8
    _, _, html = render_email(
        "statements/confirm",
        {
            "statement_title": "Our statement",
            "confirm_url": long_link,
            "withdraw_url": long_link.replace("confirm", "withdraw"),
            "your_data_url": "https://campaign.example.org/your-data/",
        },
    )
    page.set_content(html)

    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    expect(page.get_by_text(long_link, exact=True)).to_be_visible()


def share_names(page):
    return page.locator(".share-buttons a").all_text_contents()  # with "Share on", hidden but read out


def test_the_thank_you_page_shares_by_large_buttons_whatsapp_first(page):
    page.goto("/statement/confirm/done/")

    networks = ["WhatsApp", "Email", "Facebook", "Bluesky", "X"]
    assert share_names(page) == [f"Share on {network}" for network in networks]
    whatsapp = page.get_by_role("link", name="Share on WhatsApp")
    expect(whatsapp).to_have_attribute("href", re.compile(r"^https://wa\.me/\?text="))
    assert whatsapp.bounding_box()["height"] >= 48
    expect(page.get_by_role("button", name="Share…")).to_be_hidden()  # headless Chromium has no share sheet


def test_the_phones_own_share_sheet_shows_where_the_browser_has_one(page):
    page.add_init_script("navigator.share = (data) => { window.shared = data; return Promise.resolve(); };")
    page.goto("/statement/confirm/done/")

    page.get_by_role("button", name="Share…").click()

    assert page.evaluate("window.shared.url").endswith("/statement/")


def test_without_javascript_the_share_buttons_are_plain_links(no_js_page):
    no_js_page.goto("/statement/confirm/done/")

    expect(no_js_page.get_by_role("link", name="Share on WhatsApp")).to_be_visible()
    expect(no_js_page.get_by_role("button", name="Share…")).to_be_hidden()
    expect(no_js_page.get_by_label("Or copy the link")).to_be_visible()
