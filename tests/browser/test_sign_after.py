"""After pressing "Sign": the address shown and corrected; after confirming: the union added. In a real browser."""

import re

import pytest
from django.core import mail

from statements.models import Signature
from tests.statements.visitor import path_of

from .checks import fill_form, format_html_errors, format_violations, submit_button
from .test_screenshots import screenshot

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect


def sign(page, email):
    page.goto("/statement/")
    fill_form(page, "[data-signing]", {"kind": "person", "name": "Ada Lovelace", "email": email, "postcode": "LS6"})
    submit_button(page, "[data-signing]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")


def as_sent(page):
    """The page's HTML as the server sent it (GET again: these pages change nothing)."""
    return page.request.get(page.url).text()


def test_a_mistyped_address_is_corrected_from_check_your_inbox(live_page, axe, html_checker):
    page = live_page
    sign(page, "ada@exmaple.org")
    expect(page.get_by_text("We’ve sent an email to a•••@exmaple.org")).to_be_visible()
    expect(page.get_by_role("heading", name="If nothing arrives")).to_be_visible()
    violations = axe(page)
    assert not violations, format_violations(violations, "check your inbox, with the address")
    assert not (errors := html_checker({"check-inbox-with-address": as_sent(page)})), format_html_errors(errors)
    screenshot(page, "check-your-inbox-with-address", page.viewport_size["width"])

    page.get_by_label("The right email address").fill("ada@example.org")
    page.get_by_role("button", name="Send it there instead").click()

    expect(page.get_by_text("We’ve sent the email to the address you corrected it to.")).to_be_visible()
    assert list(Signature.objects.values_list("email", flat=True).filter(name="Ada Lovelace")) == ["ada@example.org"]
    assert mail.outbox[-1].to == ["ada@example.org"]


def test_a_person_adds_their_union_on_the_thank_you_page(live_page, axe, html_checker):
    page = live_page
    sign(page, "grace@example.org")
    confirm = re.search(r"https?://\S+/confirm/\?token=\S+", mail.outbox[-1].body).group(0)
    page.goto(path_of(confirm))
    page.get_by_role("button", name="Confirm my signature").click()

    expect(page.get_by_role("heading", name="Add your union to help us show where support comes from")).to_be_visible()
    violations = axe(page)
    assert not violations, format_violations(violations, "the thank-you page with its union question")
    assert not (errors := html_checker({"thank-you-with-union": as_sent(page)})), format_html_errors(errors)
    screenshot(page, "thank-you-with-union", page.viewport_size["width"])
    union = page.get_by_label("Your union", exact=True)
    other = page.get_by_label("The union’s name")
    expect(other).to_be_hidden()
    union.select_option("other")
    other.fill("Musicians’ Union")
    page.get_by_role("button", name="Add my union").click()

    expect(page.get_by_text("Your union is added")).to_be_visible()
    assert Signature.objects.get(email="grace@example.org").union_other == "Musicians’ Union"
