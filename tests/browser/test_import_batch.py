"""An organiser, at 375 and 1280 px, types a returned sheet's batch code into the paper import and imports its file.

The import screen is photographed before and after (test-artifacts/screens/import/), a mistyped code first,
checked with axe and for sideways scrolling at each width, and read by the HTML checker at 1280 px.
"""

import re

import pytest

from core.organisers import ORGANISERS_GROUP
from statements.models import Signature, StatementPage
from tests.conftest import make_user

from .checks import VIEWPORTS, format_html_errors, format_violations, run_axe, sideways_overflow, sign_in_to_admin
from .conftest import ARTIFACTS, _new_context, _open_page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

SCREENS = ARTIFACTS / "screens" / "import"
_TRANSITIONS_DONE = "document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState === 'finished')"
SHEET = (
    "name,organisation,role,town,email,kind,public,updates\n"
    "Ada Lovelace,UNISON,,Leeds,ada.sheet@example.org,person,x,x\n"
    "Mary Somerville,,,York,,person,x,\n"
    ",,,Hull,,,,\n"
)


@pytest.fixture(params=list(VIEWPORTS))
def organiser_tab(request, browser, live_site, tmp_path):
    make_user("organiser", groups=[ORGANISERS_GROUP])
    context = _new_context(browser, live_site, viewport=VIEWPORTS[request.param])
    for tab in _open_page(request, context):
        sign_in_to_admin(tab, "organiser", "password")
        tab.size = request.param
        tab.documents = {}
        tab.sheet = tmp_path / "sheet.csv"
        tab.sheet.write_text(SHEET)
        yield tab
    context.close()


def look(tab, name):
    """Screenshot the whole screen, keep its HTML, and check it with axe and for sideways scrolling."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    tab.wait_for_function(_TRANSITIONS_DONE)
    size = tab.viewport_size
    tall = tab.evaluate("Math.max(...[...document.querySelectorAll('body, body *')].map((e) => e.scrollHeight))")
    tab.set_viewport_size({"width": size["width"], "height": max(size["height"], tall)})
    tab.screenshot(path=str(SCREENS / f"{name}-{tab.size}.png"), full_page=True)
    tab.set_viewport_size(size)
    tab.documents[name] = tab.content()
    violations = run_axe(tab)
    assert violations == [], format_violations(violations, name)
    assert sideways_overflow(tab) == 0, f"{name} scrolls sideways at {tab.size} width"


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
