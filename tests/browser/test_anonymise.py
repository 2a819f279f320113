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

from statements.models import Signature, StatementPage
from tests.statements.factories import SignatureFactory

from .checks import VIEWPORTS, format_html_errors
from .conftest import look as shared_look
from .conftest import organiser_tabs


@pytest.fixture(params=list(VIEWPORTS))
def organiser_tab(request, browser, live_site):
    statement = StatementPage.objects.get(slug="statement")
    SignatureFactory.create_batch(3, page=statement, region="wales")
    SignatureFactory(page=statement, unconfirmed=True, name="Never confirmed")
    StatementPage.objects.filter(pk=statement.pk).update(closes_at=timezone.now() - timedelta(days=2))
    yield from organiser_tabs(request, browser, live_site, VIEWPORTS[request.param], request.param)


def look(tab, name):
    """Photograph the screen as screens/anonymise-<name>-<size>.png, checked with axe and for sideways scrolling."""
    shared_look(tab, f"anonymise-{name}")


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

    if tab.size == "desktop":
        errors = html_checker(tab.documents)
        assert not errors, format_html_errors(errors)
