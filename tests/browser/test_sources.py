"""Where signers come from, in Chromium on the live server: the link's code reaches the signature with and
without JavaScript; the thank-you page credits the signer's own link; the organisers' sources panel.

Screens at 375 and 1280 px under test-artifacts/screens/sources/, each checked with axe and the HTML checker.
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from core.organisers import ORGANISERS_GROUP
from statements.models import NamedSource, Signature, StatementPage
from statements.referrals import signer_code
from tests.conftest import make_user
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import path_of

from .checks import (
    VIEWPORTS,
    fill_form,
    format_html_errors,
    format_violations,
    run_axe,
    sideways_overflow,
    sign_in_to_admin,
    submit_button,
)
from .conftest import ARTIFACTS, _new_context, _open_page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

SCREENS = ARTIFACTS / "screens" / "sources"
SIGNER = {"kind": "person", "name": "Ada Lovelace", "email": "ada@example.org", "region": "london"}


@pytest.fixture
def no_js_live_page(request, browser, live_site):
    """A tab on the live server with JavaScript switched off, at a phone's width."""
    context = _new_context(browser, live_site, viewport=VIEWPORTS["phone"], java_script_enabled=False)
    yield from _open_page(request, context)
    context.close()


def sign(page, fields=SIGNER):
    fill_form(page, "form[data-signing]", fields)
    submit_button(page, "form[data-signing]").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Check your inbox")


def look(page, name, size, html_checker):
    """Photograph the page, and check it with axe, the HTML checker and for sideways scrolling."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"{name}-{size}.png"), full_page=True)
    violations = run_axe(page)
    assert violations == [], format_violations(violations, name)
    assert sideways_overflow(page) == 0, f"{name} scrolls sideways at {size}"
    errors = html_checker({name: page.content()})
    assert not errors, format_html_errors(errors)


@pytest.mark.parametrize("live_page", ["phone"], indirect=True)
def test_the_script_copies_the_links_code_into_the_form(live_page):
    live_page.goto("/statement/?src=leeds-tuc&utm_source=newsletter")

    assert live_page.locator("form[data-signing] input[name=src]").input_value() == "leeds-tuc"
    sign(live_page)
    assert Signature.objects.get(email=SIGNER["email"]).referral_code == "leeds-tuc"


def test_without_javascript_the_code_comes_with_the_page_the_form_was_on(no_js_live_page):
    """The browser's own Referer, under the site's Referrer-Policy: nothing in the page carries the code."""
    no_js_live_page.goto("/statement/?src=poster")

    assert no_js_live_page.locator("form[data-signing] input[name=src]").input_value() == ""
    sign(no_js_live_page)
    assert Signature.objects.get(email=SIGNER["email"]).referral_code == "poster"


def test_the_thank_you_page_credits_the_signers_own_link(live_page, html_checker):
    page = live_page
    page.goto("/statement/")
    sign(page)
    page.goto(path_of(re.search(r"https?://\S+/confirm/\?token=\S+", mail.outbox[-1].body).group(0)))
    page.get_by_role("button", name="Confirm my signature").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for signing")
    signature = Signature.objects.get(email=SIGNER["email"])
    code = signer_code(signature)
    assert page.locator("#share-url").input_value().endswith(f"/statement/?src={code}")
    SignatureFactory.create_batch(12, page=signature.page, referral_code=code)  # friends who followed it

    page.reload()

    expect(page.locator(".share-credit")).to_contain_text("Your link has brought 12 people so far.")
    look(page, "thank-you", page.viewport_size["width"], html_checker)


@pytest.fixture(params=["phone", "desktop"])
def organiser_tab(request, browser, live_site):
    """A tab signed in as an organiser, with signatures from a named source, signers' links and no code."""
    statement = StatementPage.objects.get(slug="statement")
    NamedSource.objects.create(code="leeds-tuc", name="Leeds TUC newsletter", kind=NamedSource.Kind.NEWSLETTER)
    now = timezone.now()
    sharer = SignatureFactory(page=statement, confirmed_at=now - timedelta(days=10))
    for hours in (2, 30, 100, 400):
        SignatureFactory(page=statement, referral_code="leeds-tuc", confirmed_at=now - timedelta(hours=hours))
    SignatureFactory.create_batch(3, page=statement, referral_code=signer_code(sharer))
    SignatureFactory(page=statement, referral_code="poster", confirmed_at=now - timedelta(days=2))
    make_user("organiser", groups=[ORGANISERS_GROUP])
    context = _new_context(browser, live_site, viewport=VIEWPORTS[request.param])
    for tab in _open_page(request, context):
        sign_in_to_admin(tab, "organiser", "password")
        tab.size = request.param
        yield tab
    context.close()


def test_organisers_see_where_signers_come_from(organiser_tab, html_checker):
    tab = organiser_tab
    tab.goto("/admin/")
    panel = tab.locator("#signature-sources-section")
    panel.scroll_into_view_if_needed()

    expect(panel.get_by_role("row", name=re.compile("Leeds TUC newsletter")).locator("td")).to_have_text(
        ["1", "3", "4"]
    )
    expect(panel.get_by_role("row", name=re.compile("Shared by signers")).locator("td")).to_have_text(["3", "3", "3"])
    SCREENS.mkdir(parents=True, exist_ok=True)
    tab.wait_for_timeout(400)
    panel.screenshot(path=str(SCREENS / f"dashboard-panel-{tab.size}.png"))
    tab.screenshot(path=str(SCREENS / f"dashboard-{tab.size}.png"), full_page=True)
    violations = run_axe(tab)
    assert violations == [], format_violations(violations, "the admin home")
    assert sideways_overflow(tab) == 0

    tab.goto("/admin/snippets/statements/namedsource/")
    tab.get_by_role("link", name="Leeds TUC newsletter").click()
    expect(tab.locator("#named-source-link")).to_have_value(re.compile(r"/statement/\?src=leeds-tuc$"))
    tab.screenshot(path=str(SCREENS / f"named-source-{tab.size}.png"), full_page=True)
    violations = run_axe(tab)
    assert violations == [], format_violations(violations, "a named source's screen")
    if tab.size == "desktop":
        errors = html_checker({"named source": tab.content()})
        assert not errors, format_html_errors(errors)
