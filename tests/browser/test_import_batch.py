"""An organiser, at 375 and 1280 px, types a returned sheet's batch code into the paper import and imports its file.

The import screen is photographed before and after (test-artifacts/screens/import/), a mistyped code first,
checked with axe and for sideways scrolling at each width, and read by the HTML checker at 1280 px.
"""

import re

import pytest

from statements.models import Signature, StatementPage

from .checks import VIEWPORTS, format_html_errors
from .conftest import ARTIFACTS, organiser_tabs
from .conftest import look as conftest_look

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

SCREENS = ARTIFACTS / "screens" / "import"
SHEET = (
    "name,organisation,role,town,email,kind,public,updates\n"
    "Ada Lovelace,UNISON,,Leeds,ada.sheet@example.org,person,x,x\n"
    "Mary Somerville,,,York,,person,x,\n"
    ",,,Hull,,,,\n"
)


@pytest.fixture(params=list(VIEWPORTS))
def organiser_tab(request, browser, live_site, tmp_path):
    """The organiser's tab (conftest), with the typed-up sheet to upload beside it."""
    for tab in organiser_tabs(request, browser, live_site, VIEWPORTS[request.param], request.param):
        tab.sheet = tmp_path / "sheet.csv"
        tab.sheet.write_text(SHEET)
        yield tab


def look(tab, name):
    return conftest_look(tab, name, folder=SCREENS)


def test_an_organiser_imports_a_sheet_under_its_batch_code(organiser_tab, html_checker):
    tab = organiser_tab
    tab.goto("/admin/statements/import/")
    expect(tab.get_by_label("Batch code (optional)")).to_be_visible()
    look(tab, "import")

    statement = str(StatementPage.objects.get(slug="statement").pk)
    tab.get_by_label("Statement").select_option(statement)
    tab.get_by_label("CSV file").set_input_files(str(tab.sheet))
    tab.get_by_label("Batch code (optional)").fill("K0QXMP")  # a zero: no sheet carries one
    tab.get_by_role("button", name="Import").click()
    expect(tab.get_by_text(re.compile("A batch code is the 6 letters and digits"))).to_be_visible()
    assert not Signature.objects.filter(name="Ada Lovelace").exists()
    look(tab, "import-mistyped-code")

    expect(tab.get_by_label("Statement")).to_have_value(statement)
    tab.get_by_label("CSV file").set_input_files(str(tab.sheet))
    tab.get_by_label("Batch code (optional)").fill("k7q xmp")
    tab.get_by_role("button", name="Import").click()
    expect(tab.get_by_text("Batch K7QXMP: 2 signatures imported, 0 skipped, 1 line with problems.")).to_be_visible()
    expect(tab.get_by_text("Line 4: name: This field is required.")).to_be_visible()
    look(tab, "import-done")
    ada = Signature.objects.get(name="Ada Lovelace")
    assert ada.referral_code == "sheet-k7qxmp" and ada.keep_informed and ada.is_confirmed

    if tab.size == "desktop":
        errors = html_checker(tab.documents)
        assert not errors, format_html_errors(errors)
