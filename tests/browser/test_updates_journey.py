"""A supporter asks for updates when signing, gets one, and stops them with one click (issue 19).

On the live server with the demo content: the visitor signs with "send me
updates" ticked and confirms; an editor emails a news update from the admin;
the visitor's message (read from the test backend's outbox) carries the
one-click unsubscribe headers; the mail program's POST to that address stops
updates, and the next update does not reach them. A tampered link gets a
clear page. Screens are saved at both widths in test-artifacts/screens/.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core import mail

from campaign.news.models import UpdatePage, UpdateSend
from core.subscriptions.models import Subscriber
from tests.statements.visitor import path_of

from .checks import fill_form, format_violations, sign_in_to_admin, submit_button

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

SCREENS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"
ADDRESS = "grace@example.org"


@pytest.fixture(autouse=True)
def files_on_disk(settings, tmp_path):
    """The demo's logo and images are real files, as in production, under a fresh MEDIA_ROOT."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


def screenshot(page, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=str(SCREENS / f"updates-{name}-{width}.png"), full_page=True)


def sign_and_confirm(page):
    page.goto("/statement/")
    form = "form[data-signing]"
    fill_form(
        page,
        form,
        {"kind": "person", "name": "Grace Hopper", "email": ADDRESS, "region": "yorkshire", "keep_informed": True},
    )
    submit_button(page, form).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Check your inbox")
    message = mail.outbox[-1]
    assert "Send me campaign updates by email" in message.body  # the confirmation repeats the consent
    page.goto(path_of(re.search(r"https?://\S+/confirm/\?token=\S+", message.body).group(0)))
    page.get_by_role("button", name="Confirm my signature").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for signing")
    assert Subscriber.objects.receiving().filter(email=ADDRESS).exists()
    return message


def sign_in(page):
    User.objects.create_superuser("sender", "sender@example.org", "a long test password")
    sign_in_to_admin(page, "sender", "a long test password")


def email_update(page, update):
    page.goto(f"/admin/pages/{update.pk}/edit/")
    page.get_by_role("button", name="Actions", exact=True).click()  # the "..." beside the page's title
    page.get_by_role("link", name="Email to subscribers").click()
    expect(page).to_have_url(re.compile(rf"/admin/news/email/{update.pk}/$"))
    expect(page.locator("#recipients")).to_contain_text("1 subscriber")
    page.get_by_role("button", name=re.compile(r"Send a test to me")).click()
    expect(page.locator(".messages")).to_contain_text("A test was sent to sender@example.org")
    screenshot(page, "admin-compose")
    page.get_by_role("button", name="Send to 1 subscriber").click()
    page.get_by_role("button", name="Yes, send to 1 subscriber").click()
    expect(page.locator("[data-sent]")).to_have_text("1")
    expect(page.locator("[data-left]")).to_have_text("0")
    screenshot(page, "admin-progress")


def updates_to(address, update):
    return [m for m in mail.outbox if m.to == [address] and m.subject == update.title]


@pytest.mark.parametrize("live_page", ["desktop"], indirect=True)
def test_sign_with_updates_receive_one_and_unsubscribe_with_one_click(live_page, browser, live_site, axe):
    page = live_page
    confirmation = sign_and_confirm(page)
    first, second = UpdatePage.objects.live().order_by("-date")[:2]

    sign_in(page)
    email_update(page, first)
    received = updates_to(ADDRESS, first)
    assert len(received) == 1
    message = received[0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(r"<(\S+)>", message.extra_headers["List-Unsubscribe"]).group(1)
    assert unsubscribe in message.body  # and visible in the message

    # A tampered link: a clear page, and nothing changes.
    stranger = browser.new_context(base_url=live_site)
    tampered = stranger.request.post(path_of(unsubscribe)[:-3] + "abc", form={"List-Unsubscribe": "One-Click"})
    assert tampered.status == 400 and "This link does not work" in tampered.text()
    assert Subscriber.objects.get(email=ADDRESS).is_receiving

    # The mail program's one-click POST (RFC 8058): no cookie, no page, no login.
    response = stranger.request.post(path_of(unsubscribe), form={"List-Unsubscribe": "One-Click"})
    assert response.status == 200
    stranger.close()
    assert not Subscriber.objects.get(email=ADDRESS).is_receiving

    email_update_to_nobody(page, second)
    assert updates_to(ADDRESS, second) == []
    assert len(updates_to(ADDRESS, first)) == 1  # nobody emailed twice

    # The person's own page, from the confirmation email, says so.
    page.goto(path_of(re.search(r"https?://\S+/your-data/\?token=\S+", confirmation.body).group(0)))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your details")
    expect(page.locator("main")).to_contain_text("Stopped updates")
    violations = axe(page)
    assert not violations, format_violations(violations, "the your-data page")


def email_update_to_nobody(page, update):
    page.goto(f"/admin/news/email/{update.pk}/")
    expect(page.locator("#recipients")).to_contain_text("0 subscribers")
    assert page.get_by_role("button", name=re.compile("Send to")).count() == 0
    assert not UpdateSend.objects.filter(page=update).exists()


def test_the_persons_pages_at_both_widths(live_page, axe):
    """The your-data, unsubscribe and link-problem pages as a phone and a laptop show them."""
    page = live_page
    confirmation = sign_and_confirm(page)
    token = re.search(r"/your-data/\?token=(\S+)", confirmation.body).group(1)
    pages = {
        "your-data": f"/your-data/?token={token}",
        "unsubscribe": f"/your-data/unsubscribe/?token={token}",
        "link-problem": "/your-data/?token=tampered",
    }
    for name, path in pages.items():
        page.goto(path)
        screenshot(page, name)
        violations = axe(page)
        assert not violations, format_violations(violations, f"the {name} page")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.goto(pages["your-data"])
    page.get_by_role("button", name="Stop campaign updates").click()
    expect(page.locator("main")).to_contain_text("we will send no more campaign updates")
    screenshot(page, "your-data-stopped")
