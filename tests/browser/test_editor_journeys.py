"""The organisers' journeys through the admin, in a real Chromium, as a member of "Campaign organisers".

Not a superuser: each journey works with the group's own permissions, so a
permission the work needs and the group lacks fails here. Each runs on the
live server with the demo content and reads what the site sent (the emails
in django.core.mail.outbox) and stored. Every admin screen visited is
checked for sideways scrolling at 1280 px (a laptop) and photographed at
1280 and 1440 px in test-artifacts/screens/editor-journeys/.
"""

import csv
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from campaign.events.models import EventPage, EventSubmission
from campaign.materials.models import Material, MaterialsPage, PrintOrder
from campaign.materials.posters import draw_poster, poster_files
from campaign.motion.models import SpeakerRequest
from core.organisers import ORGANISERS_GROUP
from statements.models import Signature, SignatureCount
from tests.conftest import make_user
from tests.events.factories import EventSubmissionFactory
from tests.materials.factories import PrintOrderFactory
from tests.motion.factories import SpeakerRequestFactory

from .checks import sideways_overflow, sign_in_to_admin
from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

LAPTOP, WIDE = 1280, 1440
SCREENS = ARTIFACTS / "screens" / "editor-journeys"


@pytest.fixture(autouse=True)
def files_on_disk(settings, tmp_path):
    """Posters are real files, as in production: the demo content writes them under a fresh MEDIA_ROOT."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


@pytest.fixture
def organiser_page(live_page):
    """The live tab at a laptop's width, signed in as a member of the organisers group and nothing else."""
    make_user("rosa", groups=[ORGANISERS_GROUP])
    page = live_page
    page.set_viewport_size({"width": LAPTOP, "height": 900})
    sign_in_to_admin(page, "rosa", "password")
    return page


def look(page, name):
    """The screen as an organiser sees it: no sideways scrolling at 1280 px; photographed at 1280 and 1440 px."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    assert sideways_overflow(page) == 0, f"{name}: the screen scrolls sideways at {LAPTOP}px"
    page.screenshot(path=str(SCREENS / f"{name}-{LAPTOP}.png"), full_page=True)
    page.set_viewport_size({"width": WIDE, "height": 900})
    page.screenshot(path=str(SCREENS / f"{name}-{WIDE}.png"), full_page=True)
    page.set_viewport_size({"width": LAPTOP, "height": 900})


def emails_to(address):
    return [message for message in mail.outbox if address in message.to]


def save(page):
    page.get_by_role("button", name="Save").click()


@pytest.mark.parametrize("live_page", ["desktop"], indirect=True)
def test_organiser_accepts_a_submitted_stall_publishes_it_and_the_submitter_is_told(organiser_page):
    page = organiser_page
    submission = EventSubmissionFactory(
        title="Street stall in Hebden Bridge", town="Hebden Bridge", email="calder@example.org"
    )
    page.goto("/admin/events/eventsubmission/")
    expect(page.locator(".result-list")).to_contain_text("Street stall in Hebden Bridge")
    look(page, "submitted-activities")

    row = page.locator(".result-list tr", has_text="Street stall in Hebden Bridge")
    row.get_by_role("link", name="Accept", exact=True).click()
    look(page, "accept-activity")
    page.get_by_role("button", name=re.compile("Accept")).click()

    expect(page.locator(".messages")).to_contain_text("Check it, then publish it")
    look(page, "accepted-event-draft")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")

    event = EventPage.objects.live().get(title="Street stall in Hebden Bridge")
    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.ACCEPTED and submission.event_page_id == event.pk
    told = emails_to("calder@example.org")  # their private host link on accepting, then the news it is live
    assert len(told) == 2 and any(event.full_url in message.body for message in told)
    page.goto(event.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Street stall in Hebden Bridge")


@pytest.mark.parametrize("live_page", ["desktop"], indirect=True)
def test_organiser_answers_a_speaker_request_with_a_note_and_an_email(organiser_page):
    page = organiser_page
    request = SpeakerRequestFactory(organisation="Unite Sheffield", email="branch@example.org")
    page.goto("/admin/motion/speakerrequest/")
    look(page, "speaker-requests")

    page.locator(".result-list tr", has_text="Unite Sheffield").get_by_role("link", name="Speaker arranged").click()
    page.locator("#id_speaker").fill("Ana Álvarez")
    page.locator("#id_speaker_date").fill((date.today() + timedelta(days=30)).isoformat())
    page.keyboard.press("Escape")  # closes the date picker
    page.locator("#id_internal_notes").fill("Ana confirmed by phone; needs a lift from the station.")
    expect(page.locator("#id_email_requester")).to_be_checked()
    look(page, "speaker-request-answer")
    save(page)

    expect(page.locator(".messages")).to_contain_text("updated")
    request.refresh_from_db()
    assert request.status == SpeakerRequest.Status.ARRANGED
    assert request.internal_notes.startswith("Ana confirmed by phone")
    (answer,) = emails_to("branch@example.org")
    assert "Ana Álvarez will speak at your meeting" in answer.body
    assert "lift from the station" not in answer.body  # the note is the organisers' own


@pytest.mark.parametrize("live_page", ["desktop"], indirect=True)
def test_organiser_marks_a_print_order_sent(organiser_page):
    page = organiser_page
    order = PrintOrderFactory(name="Rosa Luxemburg", email="rosa.l@example.org")
    order.lines.create(title="A3 poster", quantity=50)
    page.goto("/admin/materials/printorder/")
    look(page, "print-orders")

    page.locator(".result-list tr", has_text="Rosa Luxemburg").get_by_role("link", name="Mark sent").click()
    expect(page.locator("#id_status")).to_have_value(PrintOrder.Status.SENT)
    look(page, "print-order-mark-sent")
    save(page)

    expect(page.locator(".messages")).to_contain_text("updated")
    order.refresh_from_db()
    assert order.status == PrintOrder.Status.SENT
    assert len(emails_to("rosa.l@example.org")) == 1
    # The list opens on what still needs doing: the order has left it.
    expect(page.locator(".result-list")).not_to_contain_text("Rosa Luxemburg")


@pytest.mark.parametrize("live_page", ["desktop"], indirect=True)
def test_organiser_sees_a_new_signature_counted_on_the_dashboard(organiser_page):
    page = organiser_page
    statement = Signature.objects.values_list("page_id", flat=True).first()
    page.goto("/admin/")
    today = page.locator(".campaign-dashboard__figures div", has_text="Today").locator("dd")
    before = int(today.inner_text())

    # A signature confirmed now, counted as confirming counts it.
    Signature.objects.create(page_id=statement, name="Zoë Ní Bhriain", town="Derry", confirmed_at=timezone.now())
    SignatureCount.add(statement, Signature.Kind.PERSON, 1)
    page.reload()

    expect(today).to_have_text(str(before + 1))
    look(page, "dashboard")


@pytest.mark.parametrize("live_page", ["desktop"], indirect=True)
def test_organiser_exports_signatures_and_the_accents_survive(organiser_page):
    page = organiser_page
    statement = Signature.objects.values_list("page_id", flat=True).first()
    Signature.objects.create(page_id=statement, name="Siân Llŷr-Pérez", town="Llanelli", confirmed_at=timezone.now())
    page.goto("/admin/statements/signature/")
    look(page, "signatures")

    with page.expect_download() as waiting:
        page.get_by_role("link", name="Download CSV").click()
    download = waiting.value

    with open(download.path(), newline="", encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(file))
    names = {value for row in rows for value in row.values()}
    assert "Siân Llŷr-Pérez" in names and "Llanelli" in names
    assert Path(download.path()).read_bytes().startswith(b"\xef\xbb\xbf")  # so a spreadsheet reads it as UTF-8


@pytest.mark.parametrize("live_page", ["desktop"], indirect=True)
def test_organiser_adds_a_poster_from_a_pdf_alone_and_visitors_see_its_preview(organiser_page, tmp_path):
    page = organiser_page
    pdf = tmp_path / "tenants-union-poster.pdf"
    pdf.write_bytes(
        poster_files(draw_poster("Tenants Together", "Rents down, repairs now", "Sign today", "example.org"))[1]
    )
    materials = MaterialsPage.objects.get()
    page.goto(f"/admin/pages/{materials.pk}/edit/")
    look(page, "materials-page")

    page.get_by_role("button", name="Add material").click()
    new = page.locator("[id^='inline_child_materials-']").last
    new.get_by_label("Title").fill("Tenants' union poster")
    new.get_by_role("button", name="Choose a document").click()
    chooser = page.locator(".modal-dialog")
    chooser.get_by_role("tab", name="Upload").click()
    chooser.locator("input[type=file]").set_input_files(str(pdf))
    chooser.get_by_label("Title").fill("Tenants' union poster, A4")
    chooser.get_by_role("button", name="Upload").click()
    expect(new).to_contain_text("Tenants' union poster, A4")  # the chosen document, back on the form
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")

    material = Material.objects.get(title="Tenants' union poster")
    assert material.preview is None and material.card_image is not None  # drawn from the PDF's first page
    page.goto(f"/admin/pages/{materials.pk}/edit/")
    expect(page.locator("main")).to_contain_text("Visitors see a picture of this file’s first page")
    page.get_by_text("Tenants' union poster").last.scroll_into_view_if_needed()
    look(page, "materials-page-with-poster")

    page.goto(materials.url)
    card = page.locator(".card.material", has_text="Tenants' union poster")
    picture = card.locator("img")
    expect(picture).to_be_visible()
    card.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENS / "poster-on-the-public-page-1280.png"))
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0"), "the preview did not load"
    assert card.get_by_role("link", name=re.compile("Download")).get_attribute("href").endswith(".pdf")
