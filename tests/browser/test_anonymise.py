"""Anonymising a closed statement now, as an organiser does it on a phone or a laptop (#27).

Signed in as a member of the "Campaign organisers" group on the live server with the demo content and
its statement closed: the organiser finds it under "Closed statements", reads what anonymising will do,
and does it. Screenshots of the list and the confirmation at each width go to test-artifacts/screens/;
axe and the HTML checker run on each.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.organisers import ORGANISERS_GROUP
from statements.models import Signature, StatementPage
from tests.conftest import make_user
from tests.statements.factories import SignatureFactory

from .checks import VIEWPORTS, format_html_errors, format_violations, run_axe, sideways_overflow, sign_in_to_admin
from .conftest import ARTIFACTS, _new_context, _open_page

SCREENS = ARTIFACTS / "screens"
_TRANSITIONS_DONE = "document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState === 'finished')"


@pytest.fixture(params=list(VIEWPORTS))
def organiser_tab(request, browser, live_site):
    statement = StatementPage.objects.get(slug="statement")
    SignatureFactory.create_batch(3, page=statement, region="wales")
    SignatureFactory(page=statement, unconfirmed=True, name="Never confirmed")
    StatementPage.objects.filter(pk=statement.pk).update(closes_at=timezone.now() - timedelta(days=2))
    make_user("organiser", groups=[ORGANISERS_GROUP])
    context = _new_context(browser, live_site, viewport=VIEWPORTS[request.param])
    for tab in _open_page(request, context):
        sign_in_to_admin(tab, "organiser", "password")
        tab.viewport = request.param
        tab.documents = {}
        yield tab
    context.close()


def look(tab, name):
    """Screenshot the screen, keep its HTML for the checker, and check it with axe and for sideways scrolling."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    tab.wait_for_function(_TRANSITIONS_DONE)  # Wagtail fades its messages in
    size = tab.viewport_size
    tall = tab.evaluate("Math.max(...[...document.querySelectorAll('body, body *')].map((e) => e.scrollHeight))")
    tab.set_viewport_size({"width": size["width"], "height": max(size["height"], tall)})
    tab.screenshot(path=str(SCREENS / f"anonymise-{name}-{tab.viewport}.png"), full_page=True)
    tab.set_viewport_size(size)
    tab.documents[name] = tab.content()
    violations = run_axe(tab)
    assert violations == [], format_violations(violations, name)
    assert sideways_overflow(tab) == 0, f"{name} scrolls sideways at {tab.viewport} width"


def test_an_organiser_anonymises_a_closed_statement_after_reading_what_goes(organiser_tab, html_checker):
    tab = organiser_tab
    statement = StatementPage.objects.get(slug="statement")
    counted = Signature.objects.filter(page=statement).confirmed().count()
    counts = statement.counts()
    tab.goto("/admin/statements/closed/")
    expect(tab.get_by_role("heading", name=statement.title, exact=True)).to_be_visible()
    look(tab, "list")

    tab.get_by_role("link", name=re.compile(r"^Anonymise now")).click()
    expect(tab.get_by_text(f"{counted} signatures will lose their details:")).to_be_visible()
    expect(tab.get_by_text("1 signature never confirmed will be deleted.")).to_be_visible()
    expect(tab.get_by_text("This cannot be undone.")).to_be_visible()
    look(tab, "confirm")
    assert Signature.objects.filter(page=statement).exclude(name="").count() == counted + 1

    tab.get_by_role("button", name=f"Yes, anonymise {counted} signatures").click()
    expect(tab.get_by_text(f"The signatures of “{statement.title}” are anonymised.")).to_be_visible()
    look(tab, "done")
    assert not Signature.objects.filter(page=statement).exclude(name="").exists()
    assert statement.counts() == counts

    if tab.viewport == "desktop":
        errors = html_checker(tab.documents)
        assert not errors, format_html_errors(errors)
