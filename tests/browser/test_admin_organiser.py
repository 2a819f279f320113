"""The admin an organiser lives in, in Chromium at 375 and 1280 px, signed in as a member of the organisers group.

The menu without the administrators' screens and with whole badges; the
signatures list with its status, region, union and kind columns and filters;
an event's edit screen leading to its RSVPs; "Email updates" before the first
send; the step that asks to confirm the number of recipients. Each screen is
photographed in test-artifacts/screens/organiser/, checked with axe and for
sideways scrolling; the HTML checker reads them at 1280 px.
"""

import re

import pytest

from campaign.events.models import EventPage, Rsvp
from campaign.news.models import UpdateIndexPage
from core.subscriptions.models import Subscriber
from statements.models import StatementPage, Union
from tests.events.factories import EventSubmissionFactory
from tests.news.factories import UpdatePageFactory
from tests.statements.factories import SignatureFactory

from .checks import VIEWPORTS, format_html_errors
from .conftest import ARTIFACTS, organiser_tabs
from .conftest import look as shared_look

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

SCREENS = ARTIFACTS / "screens" / "organiser"
ADMINISTRATORS_SCREENS = [
    "Workflows",
    "Locked pages",
    "Aging pages",
    "Page types usage",
    "Sites",
    "Redirects",
    "Email tasks",
]
SIZES = {"phone": {"width": 375, "height": 812}, "desktop": VIEWPORTS["desktop"]}

# Each menu item with a badge: is the badge (drawn after the label) cut off by its link or the menu?
CLIPPED_BADGES = """() => [...document.querySelectorAll('.sidebar-menu-item__link[data-new-count]')]
  .filter((link) => link.getBoundingClientRect().width > 0)
  .filter((link) => {
    const edge = link.closest('.sidebar__inner, .sidebar-sub-menu-panel, nav').getBoundingClientRect().right;
    return link.scrollWidth > link.clientWidth + 1 || link.getBoundingClientRect().right > edge + 1;
  })
  .map((link) => link.getAttribute('aria-label') || link.innerText)"""


@pytest.fixture(params=list(SIZES))
def organiser_tab(request, browser, live_site):
    """A tab signed in as an organiser (not a superuser), on the demo site with a few of everything."""
    statement = StatementPage.objects.get(slug="statement")
    unison = Union.objects.get_or_create(name="UNISON")[0]
    SignatureFactory(page=statement, name="Held Harriet", confirmed_at=None, held_because="disposable", region="wales")
    SignatureFactory(page=statement, name="Waiting Wilf", confirmed_at=None, region="london")
    SignatureFactory(page=statement, name="Union Una", union=unison, region="yorkshire")
    for number in range(12):
        EventSubmissionFactory(title=f"Stall {number}")  # a two-digit badge on "Requests"
    yield from organiser_tabs(request, browser, live_site, SIZES[request.param], request.param)


# Wagtail's rich text editor (Draftail) names its editable box only through a placeholder: axe's
# aria-input-field-name there is Wagtail's, on the page editor, not on what this project adds to it.
DRAFTAIL = ".public-DraftEditor-content"


def ours(violation):
    return not all(DRAFTAIL.strip(".") in node["html"] for node in violation["nodes"])


def look(tab, name):
    """The shared look, in screens/organiser/, leaving out axe's findings on Wagtail's rich text box."""
    tab.wait_for_timeout(400)  # the menu's panels slide in
    shared_look(tab, name, SCREENS, ignore=lambda violation: not ours(violation))


def check_html(tab, html_checker):
    if tab.size == "desktop":
        errors = html_checker(tab.documents)
        assert not errors, format_html_errors(errors)


def open_menu(tab):
    if tab.size == "phone":
        tab.get_by_role("button", name="Toggle sidebar").click()
    expect(tab.locator(".sidebar-main-menu")).to_be_visible()


def test_the_menu_holds_what_organisers_use_with_whole_badges(organiser_tab, html_checker):
    tab = organiser_tab
    tab.goto("/admin/")
    open_menu(tab)
    menu = tab.locator(".sidebar-main-menu")
    for label in ("Pages", "Events", "Signatures", "Requests", "Email updates"):
        expect(
            menu.get_by_role("link", name=re.compile(label))
            .or_(menu.get_by_role("button", name=re.compile(label)))
            .first
        ).to_be_visible()
    expect(menu.get_by_role("link", name=re.compile(r"Review signatures"))).to_be_visible()
    assert tab.evaluate(CLIPPED_BADGES) == []
    tab.get_by_role("button", name=re.compile(r"^Requests")).click()
    expect(tab.get_by_role("link", name=re.compile(r"Submitted activities, 1\d new"))).to_be_visible()
    assert tab.evaluate(CLIPPED_BADGES) == []
    look(tab, "menu")
    menu_text = menu.inner_text()
    for hidden in (
        "Workflows",
        "Workflow tasks",
        "Locked pages",
        "Aging pages",
        "Page types usage",
        "Sites",
        "Redirects",
        "Email tasks",
    ):
        assert hidden not in menu_text

    tab.goto("/admin/")
    open_menu(tab)
    tab.get_by_role("button", name=re.compile(r"^Events")).click()
    expect(tab.get_by_role("link", name="RSVPs")).to_be_visible()
    look(tab, "menu-events")
    check_html(tab, html_checker)


def test_the_signatures_list_says_where_each_stands_with_filters_for_each_column(organiser_tab, html_checker):
    tab = organiser_tab
    tab.goto("/admin/statements/signature/")
    headings = tab.locator(".result-list table thead th").all_inner_texts()
    named = [text.strip() for text in headings if text.strip()]
    assert named == ["Signed as", "Email", "Status", "Kind", "Union", "Town, region", "Constituency", "Date"]
    expect(tab.get_by_role("cell", name="Held: a disposable email address")).to_be_visible()
    expect(tab.get_by_role("cell", name="Waiting for the signer")).to_be_visible()
    expect(tab.get_by_role("link", name="Download XLSX")).to_be_visible()
    look(tab, "signatures")

    tab.get_by_role("link", name="Held, any reason").click()
    expect(tab.locator(".result-list tbody tr")).to_have_count(1)
    expect(tab.locator(".result-list tbody")).to_contain_text("Held Harriet")
    tab.get_by_role("link", name="Held Harriet").click()
    expect(tab.locator("#panel-status-content")).to_contain_text("Held: a disposable email address")
    look(tab, "signature-held")

    tab.goto("/admin/statements/signature/?q=union+una")
    expect(tab.locator(".result-list tbody")).to_contain_text("Union Una")
    look(tab, "signatures-search")
    check_html(tab, html_checker)


def test_an_events_edit_screen_leads_to_its_rsvps(organiser_tab, html_checker):
    tab = organiser_tab
    event = EventPage.objects.live().first()
    Rsvp.objects.create(event=event, name="Coming Carla", email="carla@example.org")
    tab.goto(f"/admin/pages/{event.pk}/edit/")
    tab.get_by_role("button", name="Actions", exact=True).click()
    look(tab, "event-edit")
    tab.get_by_role("link", name="RSVPs for this event").click()
    expect(tab.locator(".result-list tbody")).to_contain_text("Coming Carla")
    look(tab, "event-rsvps")
    check_html(tab, html_checker)


def test_email_updates_is_never_empty_and_sending_asks_to_confirm_the_number(organiser_tab, html_checker):
    tab = organiser_tab
    update = UpdatePageFactory(parent=UpdateIndexPage.objects.get(), title="Our big meeting")
    update.save_revision().publish()
    for number in range(3):
        Subscriber.objects.create(email=f"s{number}@example.org", status=Subscriber.Status.SUBSCRIBED)

    tab.goto("/admin/news/updatesend/")
    expect(tab.get_by_role("heading", name="No update has been emailed yet")).to_be_visible()
    expect(tab.get_by_role("link", name="New update").first).to_be_visible()
    look(tab, "email-updates")

    tab.get_by_role("link", name="Email “Our big meeting” to subscribers").click()
    tab.get_by_role("button", name=re.compile(r"^Send to \d+ subscribers")).click()
    expect(tab.get_by_role("heading", name=re.compile(r"Send “Our big meeting” to \d+ subscribers\?"))).to_be_visible()
    look(tab, "confirm-send")
    tab.get_by_role("button", name=re.compile(r"^Yes, send to")).click()
    expect(tab.locator("[data-left]")).to_have_text("0")
    check_html(tab, html_checker)
