"""An organiser closes the demo statement from its edit screen; a visitor finds the form gone and the archive updated.

At a phone's and a laptop's width, on the live server with the demo content.
The closed statement and the archive pass axe and the HTML checker;
screenshots go to test-artifacts/screens/closing/ for people to look at.
"""

import re

import pytest

from core.organisers import ORGANISERS_GROUP
from statements.models import StatementPage
from tests.conftest import make_user

from .checks import VIEWPORTS, format_html_errors, format_violations, sign_in_to_admin
from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

SCREENS = ARTIFACTS / "screens" / "closing"


@pytest.mark.parametrize("live_page", list(VIEWPORTS), indirect=True)
def test_an_organiser_closes_the_statement_and_visitors_see_its_final_count(
    live_page, browser, live_site, request, axe, html_checker
):
    width = request.node.callspec.params["live_page"]
    SCREENS.mkdir(parents=True, exist_ok=True)
    # An organiser who publishes pages (Wagtail's Moderators): closing signing is a publish.
    make_user("rosa", groups=[ORGANISERS_GROUP, "Moderators"])
    statement = StatementPage.objects.get(slug="statement")
    total = statement.counts()["total"]
    admin = live_page
    sign_in_to_admin(admin, "rosa", "password")

    admin.goto(f"/admin/pages/{statement.pk}/edit/")
    expect(admin.get_by_text("Signing is open")).to_be_visible()
    admin.get_by_role("link", name="Close signing now").click()
    expect(admin.get_by_role("heading", name=f"Close signing “{statement.title}” now?")).to_be_visible()
    admin.screenshot(path=str(SCREENS / f"close-asks-{width}.png"), full_page=True)
    admin.get_by_role("button", name="Close signing now").click()
    expect(admin).to_have_url(re.compile(rf"/admin/pages/{statement.pk}/edit/$"))
    expect(admin.get_by_text("The form is gone from the statement.")).to_be_visible()
    expect(admin.get_by_role("link", name="Reopen signing")).to_be_visible()
    admin.get_by_role("link", name="Reopen signing").scroll_into_view_if_needed()
    admin.screenshot(path=str(SCREENS / f"edit-screen-closed-{width}.png"), full_page=False)

    visitor = browser.new_context(base_url=live_site, viewport=VIEWPORTS[width], bypass_csp=True)
    page = visitor.new_page()
    documents = {}
    try:
        page.goto("/statement/")
        expect(page.locator("form[data-signing]")).to_have_count(0)
        closed = page.locator("#sign")
        expect(closed.get_by_role("heading", name="Signing has closed")).to_be_visible()
        expect(closed).to_contain_text(re.compile(rf"Signing closed on \d{{1,2}} \w+ \d{{4}}\. Final count: {total:,}"))
        page.screenshot(path=str(SCREENS / f"statement-closed-{width}.png"), full_page=True)
        violations = axe(page)
        assert not violations, format_violations(violations, "the closed statement")
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[width]["width"]
        documents["statement-closed"] = visitor.request.get("/statement/").text()  # as served, before any script

        closed.get_by_role("link", name="See all closed statements").click()
        expect(page.get_by_role("heading", name="Closed statements", level=1)).to_be_visible()
        entry = page.get_by_role("listitem").filter(has_text=statement.title)
        expect(entry).to_contain_text(f"Final count: {total:,} signature")
        page.screenshot(path=str(SCREENS / f"archive-{width}.png"), full_page=True)
        violations = axe(page)
        assert not violations, format_violations(violations, "the archive of closed statements")
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[width]["width"]
        documents["closed-statements"] = visitor.request.get("/closed-statements/").text()
        entry.get_by_role("link", name=statement.title).click()
        expect(page).to_have_url(re.compile(r"/statement/$"))
    finally:
        visitor.close()

    errors = html_checker(documents)
    assert not errors, format_html_errors(errors)

    admin.get_by_role("link", name="Reopen signing").click()
    admin.get_by_role("button", name="Reopen signing").click()  # no reason given: asked for one
    expect(admin.get_by_text("Please say why signing is reopening.")).to_be_visible()
    admin.get_by_label("Why is signing reopening?").fill("The conference moved to March.")
    admin.screenshot(path=str(SCREENS / f"reopen-asks-{width}.png"), full_page=True)
    admin.get_by_role("button", name="Reopen signing").click()
    expect(admin.get_by_text("Signing is open")).to_be_visible()
    expect(admin.get_by_text("“The conference moved to March.”")).to_be_visible()
