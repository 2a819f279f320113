"""Introductions (issue 31), in Chromium at 375 and 1280 px, on the live server with the demo content.

Three signers in one constituency asked to be introduced; the hourly job emails each of them once, with the
others' first names. One opens her group's page from the email, writes to the group (first a message that is
too long), and the two others get it. An organiser opens "Where to take the motion" from the dashboard and
finds the constituency, with its three asking to meet, under its region. The group page (and its error
state) and the organiser's list pass axe and the Nu HTML Checker; screens go to
test-artifacts/screens/introductions/.
"""

import re

import pytest
from django.core import mail

from campaign.introductions.messaging import MOST_CHARACTERS
from campaign.introductions.tasks import introduce_signers
from core.organisers import ORGANISERS_GROUP
from statements.models import StatementPage
from tests.conftest import make_user
from tests.introductions.factories import AskingFactory, PlaceFactory
from tests.statements.visitor import path_of

from .checks import format_html_errors, format_violations, sideways_overflow, sign_in_to_admin
from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

SIGNERS = [("Ada Lovelace", "ada@example.org"), ("Bob Crow", "bob@example.org"), ("Cath Kidston", "cath@example.org")]


def test_three_signers_in_one_constituency_meet(live_page, browser, live_site, axe, html_checker):
    tab = live_page
    width = tab.viewport_size["width"]
    folder = ARTIFACTS / "screens" / "introductions"
    folder.mkdir(parents=True, exist_ok=True)
    documents, violations = {}, []

    def check(name, shown=tab):
        assert sideways_overflow(shown) == 0, f"{name}: the page scrolls sideways at {width}px"
        documents[f"introductions-{name}-{width}"] = shown.content()
        violations.extend(dict(violation, id=f"{name}: {violation['id']}") for violation in axe(shown))
        shown.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)

    PlaceFactory(code="E14001234", name="Anytown Central", region="yorkshire")
    statement = StatementPage.objects.live().first()
    for name, email in SIGNERS:
        AskingFactory(page=statement, name=name, email=email, constituency="E14001234")

    mail.outbox.clear()
    assert introduce_signers.call() == 3
    introductions = {message.to[0]: message for message in mail.outbox}
    assert set(introductions) == {email for _, email in SIGNERS}
    for message in introductions.values():
        assert message.subject == "Meet other supporters in Anytown Central"
        assert not any(surname in message.body for surname in ("Lovelace", "Crow", "Kidston"))

    # Ada opens her group's page from the email.
    (link,) = re.findall(r"https?://\S+/introductions/group/\S+/", introductions["ada@example.org"].body)
    tab.goto(path_of(link))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Supporters in Anytown Central")
    expect(tab.get_by_text("You are Ada; with you in this group are Bob and Cath.")).to_be_visible()
    check("group")

    # Too long first: the form says so, keeps what she wrote, and sends nothing.
    mail.outbox.clear()
    box = tab.get_by_label("Your message to the group")
    box.evaluate("(element, text) => { element.value = text; }", "x" * (MOST_CHARACTERS + 5))
    tab.get_by_role("button", name="Send to the group").click()
    expect(tab.locator(".error-summary")).to_contain_text("Please keep it to 2,000 characters or fewer")
    check("group-error")
    assert mail.outbox == []

    box = tab.get_by_label("Your message to the group")
    box.fill("Shall we meet at the Brudenell on Tuesday, and take the motion to the CLP?")
    tab.get_by_role("button", name="Send to the group").click()
    expect(tab.get_by_role("status")).to_have_text("Your message is on its way to the others in the group.")
    check("group-sent")
    relayed = sorted(message.to[0] for message in mail.outbox)
    assert relayed == ["bob@example.org", "cath@example.org"]
    assert all("ada@example.org" not in message.body for message in mail.outbox)

    # An organiser finds the constituency on the list linked from the dashboard.
    make_user("rosa", groups=[ORGANISERS_GROUP])
    admin = browser.new_context(base_url=live_site, viewport=tab.viewport_size)
    organiser_tab = admin.new_page()
    sign_in_to_admin(organiser_tab, "rosa", "password")
    organiser_tab.get_by_role("link", name=re.compile("Where to take the motion")).first.click()
    organiser_tab.get_by_label("Nation or region").select_option("yorkshire")
    organiser_tab.get_by_role("button", name="Show").click()
    row = organiser_tab.get_by_role("row", name=re.compile("Anytown Central"))
    expect(row).to_contain_text("Yorkshire and the Humber")
    expect(row).to_contain_text("3")
    check("targets", organiser_tab)
    admin.close()

    errors = html_checker(documents)
    assert not errors, format_html_errors(errors)
    assert not violations, format_violations(violations, "the introductions' pages")
