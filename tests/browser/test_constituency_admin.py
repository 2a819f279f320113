"""The signatures list by Westminster constituency, in Chromium at 375 and 1280 px, as an organiser.

The column names each signature's constituency and the filter lists those where people have signed;
filtered, the list and its download buttons hold only that constituency's signatures. Screens in
test-artifacts/screens/organiser/, checked with axe, for sideways scrolling and (1280 px) the HTML checker.
"""

import re

import pytest

from core.places import demo as places_demo
from statements.models import Signature, StatementPage
from tests.statements.factories import SignatureFactory

from .test_admin_organiser import check_html, look, organiser_tab  # noqa: F401  (organiser_tab is a fixture)

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect


@pytest.fixture
def placed_signatures(live_site):
    """The demo's sample of the postcode lookup, and signers placed in two of its constituencies."""
    places_demo.build()
    statement = StatementPage.objects.get(slug="statement")
    SignatureFactory(page=statement, name="Lena Leeds", constituency="E14001319", region="yorkshire")
    SignatureFactory(page=statement, name="Len Leeds", constituency="E14001319", region="yorkshire", confirmed_at=None)
    SignatureFactory(page=statement, name="Cai Cardiff", constituency="W07000089", region="wales")


def test_organisers_see_and_filter_signatures_by_constituency(placed_signatures, organiser_tab, html_checker):  # noqa: F811
    tab = organiser_tab
    tab.goto("/admin/statements/signature/")
    expect(tab.locator(".result-list thead")).to_contain_text("Constituency")
    expect(tab.get_by_role("row", name="Cai Cardiff")).to_contain_text("Cardiff East")
    look(tab, "signatures-constituency-column")

    tab.goto("/admin/statements/signature/?constituency=E14001319")
    rows = tab.locator(".result-list tbody tr")
    # Lena and Len, and any demo signer the demo's own sample placed there; never Cardiff's.
    expect(rows).to_have_count(Signature.objects.filter(constituency="E14001319").count())
    expect(tab.locator(".result-list tbody")).not_to_contain_text("Cai Cardiff")
    expect(tab.locator(".result-list tbody")).to_contain_text("Lena Leeds")
    expect(tab.locator(".result-list tbody")).to_contain_text("Leeds Central and Headingley")
    expect(tab.get_by_role("link", name="Download CSV")).to_have_attribute(
        "href", re.compile(r"constituency=E14001319.*export=csv")
    )
    look(tab, "signatures-by-constituency")
    check_html(tab, html_checker)
