"""Review signatures, as a busy organiser uses it on a laptop or a phone (#32).

Signed in as a member of the "Campaign organisers" group on the live server
with the demo content and a union meeting on one Wi-Fi: 37 signatures in 20
minutes, 20 held, 15 waiting for their signers, 2 confirmed. The organiser
reads the group in words, pages through every signature, removes the ticked
ones after a check that says what will go, and finds the record of it; or
releases the held. Screenshots of each screen at each width go to
test-artifacts/screens/; axe and the HTML checker run on each.
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

BURST = "c0ffee" + "0" * 26


@pytest.fixture(params=list(VIEWPORTS))
def reviewer_tab(request, browser, live_site):
    statement = StatementPage.objects.get(slug="statement")
    start = timezone.now().replace(minute=10, second=0, microsecond=0) - timedelta(hours=1)  # one hour's group
    for number in range(37):
        SignatureFactory(
            page=statement,
            network=BURST,
            name=f"Meeting member {number}",
            email=f"member{number}@{'union.example' if number < 30 else 'mail.example'}",
            town="Leeds",
            created_at=start + timedelta(seconds=number * 20 * 60 // 36),
            confirmed_at=timezone.now() if number >= 35 else None,
            held_because="network" if number < 20 else "",
        )
    yield from organiser_tabs(request, browser, live_site, VIEWPORTS[request.param], request.param)


def look(tab, name):
    """Photograph the screen as screens/review-<name>-<size>.png, checked with axe and for sideways scrolling."""
    shared_look(tab, f"review-{name}")


def test_an_organiser_reads_the_group_pages_through_it_checks_and_removes_only_the_ticked(reviewer_tab, html_checker):
    tab = reviewer_tab
    tab.goto("/admin/statements/review/")
    expect(tab.get_by_text("20 signatures held")).to_be_visible()
    expect(
        tab.get_by_text(re.compile(r"37 signatures from one network in 20 minutes, .*; 30 of them at union\.example"))
    ).to_be_visible()
    look(tab, "groups")

    tab.get_by_role("link", name=re.compile(r"^One network \(ref\. c0ffee00\)")).first.click()
    expect(tab.get_by_text("Signatures 1–25 of 37, newest first")).to_be_visible()
    expect(tab.get_by_label("Remove Meeting member 36")).not_to_be_checked()  # confirmed: left out
    expect(tab.get_by_label("Remove Meeting member 34")).to_be_checked()
    tab.get_by_label("Remove Meeting member 30").uncheck()
    look(tab, "group")

    tab.get_by_role("button", name="Page 2").click()
    expect(tab.get_by_text("Signatures 26–37 of 37")).to_be_visible()
    expect(tab.get_by_label("Remove Meeting member 0", exact=True)).to_be_checked()
    tab.get_by_role("button", name="Remove the ticked signatures…").click()

    expect(tab.get_by_text("34 signatures will be removed:")).to_be_visible()
    expect(tab.get_by_text("No count changes: none of them is confirmed.")).to_be_visible()
    assert Signature.objects.filter(network=BURST).count() == 37
    look(tab, "confirm")

    tab.get_by_role("button", name="Remove 34 signatures").click()
    expect(tab.get_by_text("34 signatures removed; none had counted.")).to_be_visible()
    expect(tab.locator("main")).to_contain_text("Meeting member 34")
    look(tab, "removed")
    kept = set(Signature.objects.filter(network=BURST).values_list("name", flat=True))
    assert kept == {"Meeting member 30", "Meeting member 35", "Meeting member 36"}

    if tab.size == "desktop":
        errors = html_checker(tab.documents)
        assert not errors, format_html_errors(errors)


def test_an_organiser_releases_the_held(reviewer_tab):
    tab = reviewer_tab
    tab.goto("/admin/statements/review/")
    tab.get_by_role("link", name=re.compile(r"^One network \(ref\. c0ffee00\)")).first.click()
    expect(tab.get_by_text("20 held for review")).to_be_visible()
    tab.get_by_role("button", name="Release 20 held signatures").click()
    expect(tab.get_by_text("20 held signatures released.")).to_be_visible()
    assert not Signature.objects.held().exists()
