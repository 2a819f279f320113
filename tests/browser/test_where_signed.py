"""Where people have signed (issue 26) in Chromium at 375 and 1280 px: the map, the table searched and sorted
without JavaScript, and a constituency's page; axe, the Nu HTML Checker, screens in
test-artifacts/screens/constituencies/."""

import pytest
from django.utils import timezone

from campaign.constituencies import demo
from campaign.events.models import EventPage
from core.places.models import Constituency
from home.models import HomePage
from statements.models import Signature, StatementPage
from tests.motion.factories import VerifiedReportFactory

from .checks import format_html_errors, format_violations
from .conftest import ARTIFACTS
from .test_host_journey import HostPages

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

PLACES = [
    ("E14001319", "Leeds Central and Headingley", "yorkshire", 14),
    ("W07000089", "Cardiff East", "wales", 9),
    ("E14001291", "Islington North", "london", 6),
    ("S14000021", "Glasgow North", "scotland", 4),
    ("N05000001", "Belfast East", "northern-ireland", 2),
    ("E14001131", "Bristol Central", "south-west", 1),
    ("E14001440", "Newcastle upon Tyne Central and West", "north-east", 0),
]


def build_places():
    """The page, seven constituencies with confirmed signatures there, a passed motion and an event in Leeds."""
    demo.build(HomePage.objects.get())
    statement = StatementPage.objects.get()
    now = timezone.now()
    for code, name, region, signers in PLACES:
        Constituency.objects.update_or_create(code=code, defaults={"name": name, "region": region})
        for number in range(signers):
            Signature(
                page=statement,
                name=f"{name.split()[0]} supporter {number + 1}",
                town=name.split()[0],
                region=region,
                constituency=code,
                email=f"{code.lower()}-{number}@example.org",
                show_publicly=number % 3 != 2,
                confirmed_at=now - timezone.timedelta(hours=number),
            ).save()
    VerifiedReportFactory(body_name="Leeds Unite community branch", constituency="E14001319", union_other="Unite")
    EventPage.objects.filter(slug="leeds-saturday-stall").update(constituency="E14001319")


def test_the_map_the_table_and_a_constituency(live_page, axe, html_checker):
    build_places()
    tab = live_page
    width = tab.viewport_size["width"]
    pages = HostPages(tab, axe, ARTIFACTS / "screens" / "constituencies", width)

    pages.visit("/where-people-signed/", "where-signed")
    expect(tab.locator("svg[role=img] title")).to_have_text(
        "Map of the UK’s nations and regions, shaded by signatures per 100,000 people"
    )
    expect(tab.locator(".constituency-table tbody tr").first).to_contain_text("Leeds Central and Headingley")

    tab.get_by_role("link", name="sort A to Z").click()
    expect(tab.locator(".constituency-table tbody tr").first).to_contain_text("Belfast East")
    tab.get_by_label("Search by constituency or postcode").fill("cardiff")
    tab.get_by_role("button", name="Search").click()
    expect(tab.locator(".constituency-table tbody tr")).to_have_count(1)
    pages.check("search")

    tab.get_by_role("link", name="Cardiff East").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Cardiff East")
    pages.visit("/where-people-signed/E14001319/", "constituency")
    here = Signature.objects.confirmed().filter(constituency="E14001319").count()  # 14, and the demo's own there
    expect(tab.locator(".constituency-count")).to_contain_text(f"{here} people and organisations have signed here")
    expect(tab.get_by_text("Leeds Unite community branch")).to_be_visible()
    expect(tab.locator(".card-list")).to_contain_text("Saturday")
    pages.visit("/where-people-signed/E14009999/", "not-found", status=404)

    errors = html_checker(pages.documents)
    assert not errors, format_html_errors(errors)
    assert not pages.violations, format_violations(pages.violations, "where people have signed")


def test_searching_and_sorting_need_no_javascript(browser, live_site):
    build_places()
    context = browser.new_context(base_url=live_site, java_script_enabled=False, viewport={"width": 375, "height": 812})
    tab = context.new_page()
    tab.goto("/where-people-signed/")
    tab.get_by_label("Search by constituency or postcode").fill("north")
    tab.get_by_role("button", name="Search").click()
    rows = tab.locator(".constituency-table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Islington North")  # most signatures first
    tab.get_by_role("link", name="sort A to Z").click()
    expect(rows.first).to_contain_text("Glasgow North")
    expect(tab.get_by_label("Search by constituency or postcode")).to_have_value("north")
    context.close()
