"""Review signatures, as a busy organiser uses it on a laptop or a phone: find the burst, read the dry run, release.

Signed in as a member of the "Campaign organisers" group on the live server
with the demo content and a burst of held signatures from one network.
Screenshots of both screens at each width go to test-artifacts/screens/.
"""

import pytest
from playwright.sync_api import expect

from core.organisers import ORGANISERS_GROUP
from statements.models import Signature, StatementPage
from tests.conftest import make_user
from tests.statements.factories import SignatureFactory

from .checks import VIEWPORTS, run_axe, sideways_overflow, sign_in_to_admin
from .conftest import ARTIFACTS, _new_context, _open_page

BURST = "c0ffee" + "0" * 26
SCREENS = ARTIFACTS / "screens"


@pytest.fixture(params=list(VIEWPORTS))
def reviewer_tab(request, browser, live_site):
    statement = StatementPage.objects.get(slug="statement")
    for number in range(12):
        SignatureFactory(
            page=statement,
            network=BURST,
            unconfirmed=True,
            held_because="network",
            name=f"Meeting member {number}",
            town="Leeds",
        )
    SignatureFactory(page=statement, network=BURST, name="Already confirmed member")
    make_user("organiser", groups=[ORGANISERS_GROUP])
    context = _new_context(browser, live_site, viewport=VIEWPORTS[request.param])
    for tab in _open_page(request, context):
        sign_in_to_admin(tab, "organiser", "password")
        tab.viewport = request.param
        yield tab
    context.close()


def screenshot(tab, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENS / f"review-{name}-{tab.viewport}.png"), full_page=True)


def test_an_organiser_finds_the_burst_reads_the_dry_run_and_releases_it(reviewer_tab):
    tab = reviewer_tab
    tab.goto("/admin/statements/review/")
    expect(tab.get_by_text("12 signatures held")).to_be_visible()
    screenshot(tab, "groups")
    assert run_axe(tab) == []
    if tab.viewport == "desktop":
        assert sideways_overflow(tab) == 0

    tab.get_by_role("link", name="Network c0ffee00").first.click()
    expect(tab.get_by_text("12 held for review")).to_be_visible()
    expect(tab.get_by_text("Meeting member 3")).to_be_visible()
    screenshot(tab, "group")
    assert run_axe(tab) == []
    assert sideways_overflow(tab) == 0

    tab.get_by_role("button", name="Release 12 held signatures").click()
    expect(tab.get_by_text("12 held signatures released.")).to_be_visible()
    assert not Signature.objects.held().exists()
