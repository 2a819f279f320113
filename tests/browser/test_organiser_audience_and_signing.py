"""An organiser at 375 and 1280 px: an update to the signers of chosen constituencies; closing and reopening signing.

"Email this update" lists the constituencies that have signers, in a box of its own that scrolls; ticking
two and counting again says who it goes to. "Open and close signing" lists the statements with a button
each. Every screen is photographed (test-artifacts/screens/organiser/), checked with axe and for sideways
scrolling, and read by the HTML checker at 1280 px.
"""

import re

import pytest

from campaign.news.models import UpdateIndexPage
from core.places.models import Constituency
from core.subscriptions.models import Subscriber
from statements.models import StatementPage
from tests.news.factories import UpdatePageFactory
from tests.statements.factories import SignatureFactory

from .checks import format_html_errors
from .conftest import SCREENS, look

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

PLACES = [
    "Aberafan Maesteg",
    "Bradford East",
    "Cardiff West",
    "Hull East",
    "Leeds North West",
    "Newcastle upon Tyne East and Wallsend",
    "Sheffield Brightside and Hillsborough",
    "Swansea West",
    "Wakefield and Rothwell",
    "York Central",
]


def check_html(tab, html_checker):
    if tab.size == "desktop":
        errors = html_checker(tab.documents)
        assert not errors, format_html_errors(errors)


def test_an_update_goes_to_the_signers_of_the_constituencies_ticked(organiser_tab, html_checker):
    tab = organiser_tab
    statement = StatementPage.objects.get(slug="statement")
    for number, name in enumerate(PLACES):
        code = f"X1400{number:04d}"  # codes and names the demo's own constituencies do not use
        Constituency.objects.create(code=code, name=name)
        SignatureFactory(page=statement, email=f"constituent{number}@example.org", constituency=code)
        Subscriber.objects.create(email=f"constituent{number}@example.org", status=Subscriber.Status.SUBSCRIBED)
    update = UpdatePageFactory(parent=UpdateIndexPage.objects.get(), title="Meet your MP")
    update.save_revision().publish()

    tab.goto(f"/admin/news/email/{update.pk}/")
    places = tab.get_by_role("group", name="Only these constituencies")
    expect(places.get_by_label("Cardiff West")).to_be_visible()
    places.get_by_label("Cardiff West").check()
    places.get_by_label("Leeds North West").check()
    tab.get_by_role("button", name="Count again").click()
    expect(tab.locator("#recipients")).to_contain_text(
        "2 subscribers: everyone in the constituencies of Cardiff West, Leeds North West"
    )
    look(tab, "news-constituencies", SCREENS / "organiser")

    tab.get_by_role("button", name="Send to 2 subscribers").click()
    expect(tab.get_by_role("heading", name=re.compile(r"Send “Meet your MP” to 2 subscribers\?"))).to_be_visible()
    look(tab, "news-constituencies-confirm", SCREENS / "organiser")
    check_html(tab, html_checker)


def test_an_organiser_closes_and_reopens_signing(organiser_tab, html_checker):
    tab = organiser_tab
    tab.goto("/admin/statements/signing/")
    statement = StatementPage.objects.get(slug="statement")
    expect(tab.get_by_role("heading", name=statement.title, exact=True)).to_be_visible()
    look(tab, "signing-open", SCREENS / "organiser")

    tab.get_by_role("link", name=re.compile(r"^Close signing now")).first.click()
    look(tab, "signing-close-asked", SCREENS / "organiser")
    tab.get_by_role("button", name="Close signing now").click()
    expect(tab.get_by_text(f"Signing “{statement.title}” is closed.")).to_be_visible()
    look(tab, "signing-closed", SCREENS / "organiser")

    tab.get_by_role("link", name=re.compile(r"^Reopen signing")).first.click()
    tab.get_by_label(re.compile("Why is signing reopening")).fill("The hand-in moved to May.")
    look(tab, "signing-reopen-asked", SCREENS / "organiser")
    tab.get_by_role("button", name="Reopen signing").click()
    expect(tab.get_by_text(f"Signing “{statement.title}” is open again.")).to_be_visible()
    assert not StatementPage.objects.get(pk=statement.pk).is_closed()
    check_html(tab, html_checker)
