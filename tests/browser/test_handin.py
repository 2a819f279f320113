"""An organiser, at 375 and 1280 px, downloads a blank signature sheet, asks for a hand-in pack and downloads it.

The admin's Hand-in screen is photographed (test-artifacts/screens/handin/), checked with axe and for sideways
scrolling, and read by the HTML checker at 1280 px; the first page of each PDF is rendered to a PNG beside
the screenshots, to be looked at as the branch secretary who prints it would.
"""

import re

import pypdfium2
import pytest

from statements.models import StatementPage, Union
from tests.handin.pdfs import pdf_text
from tests.statements.factories import SignatureFactory

from .checks import VIEWPORTS, format_html_errors
from .conftest import ARTIFACTS, look, organiser_tabs

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

SCREENS = ARTIFACTS / "screens" / "handin"
SIZES = {"phone": {"width": 375, "height": 812}, "desktop": VIEWPORTS["desktop"]}


@pytest.fixture(params=list(SIZES))
def organiser_tab(request, browser, live_site):
    statement = StatementPage.objects.get(slug="statement")
    unison = Union.objects.get_or_create(name="UNISON")[0]
    SignatureFactory(page=statement, name="Listed Lena", town="Hull", region="yorkshire")
    SignatureFactory(page=statement, name="Private Priya", show_publicly=False, region="yorkshire")
    SignatureFactory(
        page=statement,
        organisation_kind=True,
        organisation="Hull Local Government Branch",
        union=unison,
        region="yorkshire",
    )
    yield from organiser_tabs(request, browser, live_site, SIZES[request.param], request.param, accept_downloads=True)


def downloaded(tab, click):
    with tab.expect_download() as download:
        click()
    path = download.value.path()
    return download.value.suggested_filename, open(path, "rb").read()


def first_page_png(content, name, size):
    """The PDF's first page as the printer would draw it, saved to be looked at."""
    document = pypdfium2.PdfDocument(content)
    document[0].render(scale=150 / 72).to_pil().save(SCREENS / f"{name}-{size}.png")
    document.close()


def test_an_organiser_prints_a_sheet_and_hands_in_a_pack(organiser_tab, html_checker):
    tab = organiser_tab
    tab.goto("/admin/")
    if tab.size == "phone":
        tab.get_by_role("button", name="Toggle sidebar").click()
    tab.locator(".sidebar-main-menu").get_by_role("link", name="Hand-in").click()
    expect(tab.get_by_role("heading", name="Blank signature sheets")).to_be_visible()
    documents = {"handin": look(tab, "handin", SCREENS)}

    tab.get_by_label(re.compile("Who or what the sheets are for")).fill("Hull market stall")
    name, sheet = downloaded(tab, lambda: tab.get_by_role("button", name="Download a signature sheet").click())
    code = re.fullmatch(r"signature-sheet-(\w+)\.pdf", name)[1]
    assert f"Batch {code}" in pdf_text(sheet) and "Show my name on the public list of signatories" in pdf_text(sheet)
    SCREENS.mkdir(parents=True, exist_ok=True)
    first_page_png(sheet, "sheet-page-1", tab.size)

    tab.goto("/admin/handin/")
    expect(tab.get_by_role("cell", name=code, exact=True)).to_be_visible()
    tab.get_by_role("button", name="Make a new hand-in pack").click()
    expect(tab.get_by_text("The hand-in pack is being built")).to_be_visible()
    tab.reload()
    expect(tab.get_by_role("cell", name="Ready")).to_be_visible()
    documents["handin-ready"] = look(tab, "handin-ready", SCREENS)
    name, pack = downloaded(tab, lambda: tab.get_by_role("link", name=re.compile("^Download the pack of")).click())
    assert name.startswith("hand-in-pack-") and name.endswith(".pdf")
    text = pdf_text(pack)
    assert "Listed Lena, Hull" in text and "Hull Local Government Branch" in text and "Private Priya" not in text
    first_page_png(pack, "pack-page-1", tab.size)

    if tab.size == "desktop":
        errors = html_checker(documents)
        assert not errors, format_html_errors(errors)
