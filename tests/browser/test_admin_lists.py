"""The organisers' lists fit a laptop: no cell clipped, no word broken mid-word, no sideways scroll; buttons readable.

Signed in as a member of the "Campaign organisers" group (not a superuser,
who would see more buttons), on the live server with the demo content and
one of each request, at 1280 and 1440 px wide. A failing test leaves a
screenshot in test-artifacts/; `ADMIN_LIST_SCREENSHOTS=1` saves them always.
The print orders and speaker requests, which show everything their downloads
hold (address, email, notes), are photographed at 375 and 1280 px in
test-artifacts/screens/organiser/ every time, to be looked at.
"""

import os
import re

import pytest
from playwright.sync_api import expect

from campaign.events.models import EventSubmission
from campaign.motion.models import SpeakerRequest
from tests.events.factories import EventSubmissionFactory
from tests.materials.factories import PrintOrderFactory
from tests.motion.factories import SpeakerRequestFactory

from .checks import sideways_overflow
from .conftest import ARTIFACTS, organiser_tabs

WIDTHS = [1280, 1440]

LISTS = {
    "signatures": "/admin/statements/signature/",
    "submitted activities": "/admin/events/eventsubmission/",
    "print orders": "/admin/materials/printorder/",
    "speaker requests": "/admin/motion/speakerrequest/",
    "motion reports": "/admin/motion/motionreport/",
}

# For every cell of the list: is its content cut off, and is any word in it split over two lines?
MEASURE_CELLS = """() => {
  const problems = [];
  const describe = (cell) => `${cell.tagName.toLowerCase()} “${cell.innerText.trim().slice(0, 40)}”`;
  for (const cell of document.querySelectorAll(".result-list table th, .result-list table td")) {
    for (const box of [cell, ...cell.querySelectorAll("a, button, span, div")]) {
      if (box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== "visible") {
        problems.push(`${describe(cell)} is clipped`);
      }
    }
    const cellBox = cell.getBoundingClientRect();
    for (const box of cell.querySelectorAll("a, button")) {
      const r = box.getBoundingClientRect();
      if (r.width && (r.right > cellBox.right + 1 || r.left < cellBox.left - 1)) {
        problems.push(`${describe(cell)}: “${box.innerText.trim()}” sticks out of its cell`);
      }
    }
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) problems.push(`${describe(cell)}: “${match[0]}” is broken over ${lines.size} lines`);
      }
    }
  }
  const table = document.querySelector(".result-list table");
  const filters = document.querySelector(".changelist-filter");
  if (table && filters && filters.getBoundingClientRect().width) {
    const [list, side] = [table.getBoundingClientRect(), filters.getBoundingClientRect()];
    const overlap = list.right - side.left;
    const beside = list.top < side.bottom && side.top < list.bottom;  // on a phone the filters come first
    if (beside && overlap > 1) problems.push(`the list runs ${Math.round(overlap)}px under the filters`);
  }
  return problems;
}"""


@pytest.fixture
def requests_to_answer(live_site):
    EventSubmissionFactory(title="Calder Valley street stall and petition", town="Hebden Bridge")
    EventSubmissionFactory(title="Rejected stall", status=EventSubmission.Status.REJECTED)
    order = PrintOrderFactory(
        name="Rosa Luxemburg",
        email="rosa.luxemburg@leedsunison.example.org",
        organisation="Leeds Unison Local Government Branch",
        address="Civic Hall, Calverley Street\nLeeds\nLS1 1UR",
        notes="Please send before our AGM on the 14th; the office is closed on Mondays.",
    )
    order.lines.create(title="A3 poster: Unions, fight for Labour", quantity=50)
    SpeakerRequestFactory(
        organisation="Unite the Union",
        branch="Sheffield Central",
        contact_name="Tom Mann",
        phone="07700 900456",
        proposed_dates="Any Tuesday",
        format=SpeakerRequest.Format.IN_PERSON,
        place="Sheffield Town Hall",
        audience_size=120,
        notes="Our members want to hear how the motion went at other branches.",
    )


@pytest.fixture(params=WIDTHS, ids=[f"{width}px" for width in WIDTHS])
def organiser_tab(request, browser, live_site, requests_to_answer):
    """A tab at a laptop's width, signed in to the admin as an organiser."""
    yield from organiser_tabs(request, browser, live_site, {"width": request.param, "height": 900})


@pytest.mark.parametrize("name", LISTS)
def test_the_list_fits_a_laptop(organiser_tab, name, request):
    organiser_tab.goto(LISTS[name])
    expect(organiser_tab.locator(".result-list table")).to_be_visible()

    if os.environ.get("ADMIN_LIST_SCREENSHOTS"):
        ARTIFACTS.mkdir(exist_ok=True)
        stem = re.sub(r"[^\w.-]+", "_", request.node.nodeid).strip("_")
        organiser_tab.screenshot(path=str(ARTIFACTS / f"{stem}.png"), full_page=True)
    problems = organiser_tab.evaluate(MEASURE_CELLS)
    assert problems == [], "\n".join(problems)
    assert sideways_overflow(organiser_tab) == 0


SCREENS = ARTIFACTS / "screens" / "organiser"


@pytest.mark.parametrize("organiser_tab", [375, 1280], indirect=True)
@pytest.mark.parametrize("name", ["print orders", "speaker requests"])
def test_requests_show_what_their_downloads_hold_readably_on_a_phone_and_a_laptop(organiser_tab, name):
    """Every column the spreadsheet has, each row readable: no word broken, no column a letter wide."""
    organiser_tab.goto(LISTS[name])
    expect(organiser_tab.locator(".result-list table")).to_be_visible()
    SCREENS.mkdir(parents=True, exist_ok=True)
    width = organiser_tab.viewport_size["width"]
    organiser_tab.screenshot(path=str(SCREENS / f"{name.replace(' ', '-')}-{width}.png"), full_page=True)

    headings = [text.strip() for text in organiser_tab.locator(".result-list table thead th").all_inner_texts()]
    rows = organiser_tab.locator(".result-list table tbody").inner_text()
    assert "Email" in headings and "Notes" in headings
    assert ("rosa.luxemburg@leedsunison.example.org" if name == "print orders" else "tom@example.org") in rows
    assert organiser_tab.evaluate(MEASURE_CELLS) == []
    assert organiser_tab.evaluate(NARROW_COLUMNS) == []
    assert sideways_overflow(organiser_tab) == 0


# Each column narrower than a few letters of its own text (a column squeezed to a letter or two a line).
NARROW_COLUMNS = """() => [...document.querySelectorAll(".result-list table td")]
  .filter((cell) => cell.innerText.trim().length > 3)
  .filter((cell) => cell.getBoundingClientRect().width > 0)
  .filter((cell) => cell.getBoundingClientRect().width < 4 * parseFloat(getComputedStyle(cell).fontSize))
  .map((cell) => `“${cell.innerText.trim().slice(0, 30)}”: ${Math.round(cell.getBoundingClientRect().width)}px`)"""


@pytest.mark.parametrize("organiser_tab", [1280], indirect=True)
def test_signatures_lead_with_the_organisation_then_its_email_and_status(organiser_tab):
    organiser_tab.goto(LISTS["signatures"] + "?q=Anytown")

    headings = [text.strip() for text in organiser_tab.locator(".result-list table thead th").all_inner_texts()]
    rows = organiser_tab.locator(".result-list table tbody").inner_text()

    assert headings[:8] == ["Signed as", "Email", "Status", "Kind", "Union", "Town, region", "Constituency", "Date"]
    assert "Anytown Trades Union Council — A. Secretary, Secretary" in rows
    assert "@example.org" in rows  # organisers may see addresses


# Each footer button's text against the colour behind it (its own, or the nearest ancestor's), WCAG's ratio.
BUTTON_CONTRAST = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const lin = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const behind = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] > 0.5) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  return [...document.querySelectorAll("footer.footer .button")].map((button) => {
    const [a, b] = [luminance(rgb(getComputedStyle(button).color)), luminance(behind(button))];
    return [button.innerText.trim(), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
  });
}"""


@pytest.mark.parametrize("organiser_tab", [1280], indirect=True)
def test_the_submission_screen_buttons_are_readable_and_accept_leads(organiser_tab):
    """On the dark footer of the submission screen, Reject and Edit must not look disabled."""
    submission = EventSubmission.objects.filter(title__startswith="Calder").get()
    organiser_tab.goto(f"/admin/events/eventsubmission/inspect/{submission.pk}/")

    contrasts = organiser_tab.evaluate(BUTTON_CONTRAST)

    assert [label for label, _ in contrasts][:3] == ["Accept", "Reject", "Edit"]
    faint = [(label, round(ratio, 1)) for label, ratio in contrasts if ratio < 4.5]
    assert faint == []
