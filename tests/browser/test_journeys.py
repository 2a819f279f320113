"""Whole journeys, as a visitor and an editor make them, on the live server and the test database.

Unlike the other browser checks these change what the site holds, so each
runs on pytest-django's live server with a fresh copy of the demo content
(`live_page`), and reads what the site sent and stored: the confirmation
email in django.core.mail.outbox, the rows in the database.
"""

import csv
import io
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core import mail
from icalendar import Calendar

from campaign.events.models import EventIndexPage, EventPage
from statements.models import Signature
from tests.statements.visitor import path_of

from .checks import fill_form, format_violations, sign_in_to_admin, submit_button

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

FUTURE_START, FUTURE_END = "2027-03-01T19:00", "2027-03-01T21:00"


@pytest.fixture(autouse=True)
def files_on_disk(settings, tmp_path):
    """Posters are real files, as in production: the demo content writes them under a fresh MEDIA_ROOT."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


def read_download(download):
    return Path(download.path()).read_bytes()


def test_visitor_signs_confirms_and_is_counted(live_page, axe):
    page = live_page
    page.goto("/statement/")
    before = int(page.locator(".counts").get_attribute("data-total"))

    fill_form(
        page,
        "form[method=post]",
        {"kind": "person", "name": "Ada Lovelace", "email": "ada@example.org", "region": "london"},
    )
    submit_button(page, "form[method=post]").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Check your inbox")
    expect(page.get_by_text("We’ve sent an email to a•••@example.org")).to_be_visible()
    assert len(mail.outbox) == 1, "No confirmation email was sent"
    confirm = re.search(r"https?://\S+/confirm/\?token=\S+", mail.outbox[0].body).group(0)

    page.goto(path_of(confirm))

    # The link only asks (a mail scanner opening it changes nothing); the button confirms,
    # then redirects to the thank-you page's own address.
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your signature")
    assert Signature.objects.get(email="ada@example.org").confirmed_at is None
    violations = axe(page)
    assert not violations, format_violations(violations, "the confirm page")
    page.get_by_role("button", name="Confirm my signature").click()
    expect(page).to_have_url(re.compile(r"/statement/confirm/done/\?signature="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for signing")
    expect(page.locator(".counts")).to_have_attribute("data-total", str(before + 1))
    violations = axe(page)  # as the visitor reaches it (the page check sees it without the new count)
    assert not violations, format_violations(violations, "the thank-you page")
    page.get_by_role("link", name="Back to the statement").click()
    expect(page.locator(".counts")).to_have_attribute("data-total", str(before + 1))


@pytest.mark.parametrize("live_page", ["desktop"], indirect=True)
def test_visitor_downloads_a_poster(live_page):
    page = live_page
    page.goto("/materials/")

    with page.expect_download() as waiting:
        page.locator("main a[download]").filter(has_text="Download").first.click()
    download = waiting.value

    assert re.search(r"\.(pdf|png)$", download.suggested_filename), download.suggested_filename
    body = read_download(download)
    assert body.startswith(b"%PDF") or body.startswith(b"\x89PNG"), "The poster is neither a PDF nor a PNG"


@pytest.mark.parametrize("live_page", ["desktop"], indirect=True)
def test_visitor_adds_an_event_to_their_calendar(live_page):
    page = live_page
    event = EventPage.objects.live().filter(cancelled=False).order_by("start").last()
    page.goto(event.url)

    with page.expect_download() as waiting:
        page.get_by_role("link", name=re.compile("Add to calendar")).click()
    download = waiting.value

    assert download.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(read_download(download))
    summaries = [str(item.get("summary")) for item in calendar.walk("VEVENT")]
    assert summaries == [event.title]


@pytest.mark.parametrize("live_page", ["desktop"], indirect=True)
def test_visitor_submits_an_activity(live_page):
    page = live_page
    page.goto("/events/submit/")

    fill_form(
        page,
        "form[method=post]",
        {
            "title": "Street stall in Hebden Bridge",
            "kind": "stall",
            "start": FUTURE_START,
            "end": FUTURE_END,
            "venue_name": "Market square",
            "town": "Hebden Bridge",
            "organiser_name": "Calder Valley supporters",
            "email": "calder@example.org",
        },
    )
    submit_button(page, "form[method=post]").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")


@pytest.fixture
def editor_page(live_page):
    """The live tab, signed in to the Wagtail admin as a superuser."""
    User.objects.create_superuser("editor", "editor@example.org", "a long test password")
    sign_in_to_admin(live_page, "editor", "a long test password")
    return live_page


def publish(page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")


@pytest.mark.parametrize("live_page", ["desktop"], indirect=True)
def test_editor_edits_and_publishes_the_statement(editor_page):
    page = editor_page
    statement = Signature.objects.values_list("page_id", flat=True).first()
    page.goto(f"/admin/pages/{statement}/edit/")

    editor = page.locator('[data-contentpath="body"] [contenteditable="true"]')
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("We add our voices to this call today.")
    # Draftail writes what was typed into the form's hidden input a moment later.
    expect(page.locator('input[name="body"]')).to_have_value(re.compile("We add our voices"))
    publish(page)

    page.goto("/statement/")
    expect(page.locator("main")).to_contain_text("We add our voices to this call today.")


@pytest.mark.parametrize("live_page", ["desktop"], indirect=True)
def test_editor_creates_an_event(editor_page):
    page = editor_page
    events = EventIndexPage.objects.get()
    page.goto(f"/admin/pages/add/events/eventpage/{events.pk}/")

    page.locator("#id_title").fill("Reading group in Hull")
    page.locator("#id_kind").select_option("meeting")
    page.locator("#id_start").fill("2027-03-01 19:00")
    page.locator("#id_end").fill("2027-03-01 21:00")
    page.locator("#id_venue_name").fill("Central Library")
    page.locator("#id_town").fill("Hull")
    page.locator("#id_organiser_name").fill("Hull supporters")
    publish(page)

    event = EventPage.objects.live().get(title="Reading group in Hull")
    page.goto(event.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Reading group in Hull")


@pytest.mark.parametrize("live_page", ["desktop"], indirect=True)
def test_editor_exports_signatures_as_csv(editor_page):
    page = editor_page
    signer = Signature.objects.confirmed().order_by("pk").first()
    page.goto("/admin/statements/signature/")

    with page.expect_download() as waiting:
        page.get_by_role("link", name="Download CSV").click()
    download = waiting.value

    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.reader(io.StringIO(read_download(download).decode("utf-8-sig"))))
    assert any(signer.name in cell for row in rows for cell in row), f"{signer.name} is not in the CSV"
