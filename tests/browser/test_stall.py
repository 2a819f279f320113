"""Stall mode on a phone: signatures taken with no signal arrive once when it returns; a revoked link says why.

On pytest-django's live server (localhost, a secure context, so the service
worker and crypto.randomUUID work) with a statement, an event and a stall
session made for the test. Screenshots of the stall page at a phone and a
desktop width go to test-artifacts/screens/ for people to look at.
"""

import re
import time

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from campaign.stalls.models import InPersonSignature, Stall
from statements.models import Signature, StatementPage
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.stalls.factories import hours_of_todays_event
from tests.statements.factories import StatementPageFactory

from .checks import VIEWPORTS, format_html_errors, format_violations, sign_in_to_admin
from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

SCREENS = ARTIFACTS / "screens"


@pytest.fixture
def stall(live_server, django_db_serialized_rollback, home_page):
    statement = StatementPageFactory(parent=home_page)
    events = EventIndexPageFactory(parent=home_page)
    start, end = hours_of_todays_event()
    event = EventPageFactory(parent=events, title="Leeds market stall", start=start, end=end)
    return Stall.objects.create(event=event, statement=statement)


@pytest.fixture
def stall_context(browser, live_server, request):
    """A phone by default; the site's CSP stays on (the script and worker must need nothing inline), but for axe."""
    width, for_axe = getattr(request, "param", ("phone", False))
    context = browser.new_context(
        base_url=live_server.url, viewport=VIEWPORTS[width], service_workers="allow", bypass_csp=for_axe
    )
    context.set_default_timeout(15_000)
    yield context
    context.close()


def open_stall(context, stall, prefix=""):
    """The stall's link opened on the device; `prefix` "/cy" opens it in Welsh."""
    page = context.new_page()
    page.goto(f"{prefix}/stall/?key={stall.key}")
    # Ready for no signal: the worker controls the page's scope and the page and its files are kept.
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("caches.open('stall-v1').then(c => c.keys()).then(k => k.length >= 3)")
    return page


def sign(page, name, **extra):
    form = page.locator("form[data-stall-form]")
    form.get_by_label("Your name").fill(name)
    if "email" in extra:
        form.get_by_label("Email address").fill(extra["email"])
    if extra.get("public"):
        form.get_by_label("Show my name on the public list of signatories").check()
    form.get_by_role("button", name="Sign the statement").click()
    expect(page.get_by_role("heading", name="Thank you for signing")).to_be_visible()
    # Cleared for the next person: nothing of this one is left on the screen.
    expect(form.get_by_label("Your name")).to_have_value("")
    expect(form.get_by_label("Email address")).to_have_value("")
    expect(form.get_by_label("Show my name on the public list of signatories")).not_to_be_checked()
    expect(page.locator("body")).not_to_contain_text(name)


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return condition()


def test_signatures_taken_offline_arrive_exactly_once_after_a_reload(stall, stall_context):
    page = open_stall(stall_context, stall)
    statement = StatementPage.objects.get(pk=stall.statement_id)

    stall_context.set_offline(True)
    sign(page, "Mary Barbour", email="mary@example.org", public=True)
    sign(page, "John Maclean")
    sign(page, "Helen Crawfurd")
    expect(page.locator("[data-stall-status]")).to_contain_text("3 signatures are kept on this device")

    page.reload()  # no signal: the service worker serves the kept page; the signatures wait in IndexedDB
    expect(page.get_by_role("heading", name="Sign “Our statement”")).to_be_visible()
    expect(page.locator("[data-stall-status]")).to_contain_text("3 signatures are kept on this device")
    assert Signature.objects.count() == 0

    stall_context.set_offline(False)
    expect(page.locator("[data-stall-total]")).to_have_text("3", timeout=30_000)
    expect(page.locator("[data-stall-status]")).to_be_empty()
    page.reload()  # and once more online: nothing is left to send twice
    expect(page.locator("[data-stall-total]")).to_have_text("3")
    names = sorted(Signature.objects.values_list("name", flat=True))
    assert names == ["Helen Crawfurd", "John Maclean", "Mary Barbour"]
    assert InPersonSignature.objects.filter(stall=stall, signature__isnull=False).count() == 3
    assert statement.counts()["total"] == 3
    assert Signature.objects.get(name="Mary Barbour").show_publicly


def test_a_revoked_stall_link_signs_nothing_and_says_why(stall, stall_context):
    page = open_stall(stall_context, stall)
    stall_context.set_offline(True)
    sign(page, "Taken before the link was revoked")
    Stall.objects.filter(pk=stall.pk).update(revoked_at=timezone.now(), revoked_reason="The tablet was lost.")

    stall_context.set_offline(False)
    status = page.locator("[data-stall-status]")
    expect(status).to_contain_text("1 signature is kept on this device. They were not sent", timeout=30_000)
    expect(status).to_contain_text("switched off by an organiser. The tablet was lost.")
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("This stall signs nothing now")
    expect(page.locator("form[data-stall-form]")).to_have_count(0)
    assert not wait_for(lambda: Signature.objects.exists(), seconds=2)


@pytest.mark.parametrize("stall_context", [(width, False) for width in VIEWPORTS], indirect=True, ids=list(VIEWPORTS))
def test_the_welsh_stall_says_what_it_keeps_and_checks_in_welsh(stall, stall_context):
    """stall.js takes its words from the page (#29): counted for one and for more, and its form's checks."""
    page = open_stall(stall_context, stall, "/cy")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    form = page.locator("form[data-stall-form]")
    status = page.locator("[data-stall-status]")
    stall_context.set_offline(True)

    form.locator("button[type=submit]").click()  # no name: the script's own check, in Welsh
    message = form.locator("input[name=name]").evaluate("input => input.validationMessage")
    assert message.startswith("Rhowch eich enw")
    form.locator("input[name=name]").fill("Gwenllian")
    form.locator("input[name=keep_informed]").check()
    form.locator("button[type=submit]").click()  # updates asked for, with no address
    assert (
        form.locator("input[name=email]")
        .evaluate("input => input.validationMessage")
        .startswith("Rhowch gyfeiriad e-bost")
    )
    form.locator("input[name=keep_informed]").uncheck()
    form.locator("button[type=submit]").click()
    later = " Bydd y cyfan yn cael ei anfon pan fydd signal."
    expect(status).to_have_text("Mae 1 llofnod yn cael ei gadw ar y ddyfais hon." + later)
    form.locator("input[name=name]").fill("Owain")
    form.locator("button[type=submit]").click()
    expect(status).to_have_text("Mae 2 o lofnodion yn cael eu cadw ar y ddyfais hon." + later)
    assert "signature" not in status.inner_text()


def test_the_form_locks_after_two_idle_minutes(stall, stall_context):
    stall_context.clock.install()
    page = stall_context.new_page()
    page.goto(f"/stall/?key={stall.key}")
    name = page.get_by_label("Your name")
    name.fill("Half-typed Name")
    page.clock.fast_forward("02:01")
    start = page.get_by_role("button", name="Tap to sign")
    expect(start).to_be_visible()
    expect(name).to_be_hidden()
    expect(page.locator("body")).not_to_contain_text("Half-typed")
    start.click()
    expect(name).to_be_focused()
    expect(name).to_have_value("")


@pytest.mark.parametrize("stall_context", [(width, True) for width in VIEWPORTS], indirect=True, ids=list(VIEWPORTS))
def test_stall_page_screenshots_and_accessibility(stall, stall_context, request, axe):
    width = request.node.callspec.params["stall_context"][0]
    SCREENS.mkdir(parents=True, exist_ok=True)
    page = open_stall(stall_context, stall)
    page.screenshot(path=str(SCREENS / f"stall-{width}.png"), full_page=True)
    violations = axe(page)
    assert not violations, format_violations(violations, "the stall page")
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[width]["width"]
    page.locator("form[data-stall-form]").get_by_label("Your name").fill("Ada Lovelace")
    page.get_by_role("button", name="Sign the statement").click()
    expect(page.get_by_role("heading", name="Thank you for signing")).to_be_visible()
    page.screenshot(path=str(SCREENS / f"stall-thanks-{width}.png"), full_page=True)
    page.goto("/stall/")
    page.screenshot(path=str(SCREENS / f"stall-code-{width}.png"), full_page=True)
    Stall.objects.filter(pk=stall.pk).update(revoked_at=timezone.now(), revoked_reason="The tablet was lost.")
    page.goto(f"/stall/?key={stall.key}")
    page.screenshot(path=str(SCREENS / f"stall-revoked-{width}.png"), full_page=True)
    violations = axe(page)
    assert not violations, format_violations(violations, "the revoked stall page")


@pytest.mark.parametrize("stall_context", [(width, True) for width in VIEWPORTS], indirect=True, ids=list(VIEWPORTS))
def test_stall_admin_screenshots(stall, stall_context, request):
    """The organiser's screens, for people to look at: open a stall, its link and code, the list, totals by event."""
    width = request.node.callspec.params["stall_context"][0]
    SCREENS.mkdir(parents=True, exist_ok=True)
    User.objects.create_superuser("boss", "boss@example.org", "password")
    page = stall_context.new_page()
    sign_in_to_admin(page, "boss", "password")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    for name, path in [
        ("create", "/admin/stalls/stall/create/"),
        ("inspect", f"/admin/stalls/stall/inspect/{stall.pk}/"),
        ("list", "/admin/stalls/stall/"),
        ("totals", "/admin/stalls/totals/"),
        ("import", "/admin/stalls/import/"),
    ]:
        assert page.goto(path).status == 200, path
        page.screenshot(path=str(SCREENS / f"stall-admin-{name}-{width}.png"), full_page=True)


def test_stall_pages_are_valid_html(client, transactional_db, django_db_serialized_rollback, home_page, html_checker):
    """The stall page empty, with mistakes, thanking, closed and revoked; the code form; an unknown link."""
    statement = StatementPageFactory(parent=home_page)
    events = EventIndexPageFactory(parent=home_page)
    start, end = hours_of_todays_event()
    event = EventPageFactory(parent=events, start=start, end=end)
    stall = Stall.objects.create(event=event, statement=statement)
    page = f"/stall/?stall={stall.pk}"
    documents = {
        "stall": client.get(f"/stall/?key={stall.key}", follow=True).content,
        "stall-errors": client.post(
            "/stall/signatures/", {"stall": stall.pk, "name": "", "keep_informed": "on"}
        ).content,
        "stall-thanks": client.get(page + "&signed=1").content,
        "stall-refused": Client().get(f"/stall/?key={stall.key}").content,
        "stall-code": client.get("/stall/").content,
        "stall-code-errors": client.post("/stall/", {"code": "nope"}).content,
        "stall-unknown": client.get("/stall/?key=nope").content,
    }
    Stall.objects.filter(pk=stall.pk).update(revoked_at=timezone.now(), revoked_reason="The tablet was lost.")
    documents["stall-revoked"] = client.get(page).content

    errors = html_checker(documents)

    assert not errors, format_html_errors(errors)


@pytest.mark.parametrize("stall_context", [("desktop", False)], indirect=True, ids=["tablet"])
def test_one_tablet_a_refused_phone_and_a_burst_held_then_invalidated_by_stall(stall, stall_context, browser, settings):
    """The stall opens on one tablet; a phone with the same code is refused; past the ceiling entries are held,
    found on the review screen by stall and device, and invalidated, the public count following."""
    settings.STALL_CEILING = {"minute": 2, "day": 400}
    SCREENS.mkdir(parents=True, exist_ok=True)
    tablet = open_stall(stall_context, stall)
    for name in ("Mary Barbour", "John Maclean", "Helen Crawfurd", "Agnes Dollan"):
        sign(tablet, name)
    statement = StatementPage.objects.get(pk=stall.statement_id)
    assert wait_for(lambda: Signature.objects.count() == 4)
    assert statement.counts()["total"] == 2 and Signature.objects.held().count() == 2

    site = tablet.url.split("/stall/")[0]
    phone = browser.new_context(base_url=site, viewport=VIEWPORTS["phone"])
    other = phone.new_page()
    other.goto("/stall/")
    other.get_by_label("Stall code").fill(stall.display_code)
    other.get_by_role("button", name="Open the stall").click()
    expect(other.get_by_role("heading", level=1)).to_have_text("This device cannot sign at this stall")
    expect(other.locator("form[data-stall-form]")).to_have_count(0)
    other.screenshot(path=str(SCREENS / "stall-refused-phone.png"), full_page=True)
    phone.close()

    User.objects.create_superuser("boss", "boss@example.org", "password")
    admin = browser.new_context(base_url=site, viewport=VIEWPORTS["desktop"])
    organiser = admin.new_page()
    sign_in_to_admin(organiser, "boss", "password")
    organiser.goto("/admin/statements/review/?by=stall")
    group = organiser.get_by_role("link", name=re.compile(r"^Stall at Leeds market stall, "))
    expect(group).to_have_count(1)
    organiser.screenshot(path=str(SCREENS / "review-by-stall-desktop.png"), full_page=True)
    group.click()
    expect(organiser.locator("body")).to_contain_text("2 held for review")
    organiser.screenshot(path=str(SCREENS / "review-stall-group-desktop.png"), full_page=True)
    organiser.get_by_role("button", name="Tick every one, confirmed too").click()
    organiser.get_by_role("button", name="Remove the ticked signatures…").click()
    organiser.get_by_role("button", name="Remove 4 signatures").click()
    expect(organiser.locator("body")).to_contain_text("4 signatures removed; 2 had counted")
    admin.close()
    assert statement.counts()["total"] == 0 and not Signature.objects.exists()
