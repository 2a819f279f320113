"""An organiser records what came of the statement, and visitors read it: Chromium at 375 and 1280 px.

Signed in as a member of the organisers group (no superuser): add a target and say the statement asks
it, record a hand-in with a photo uploaded from the chooser, publish a response; then the public
statement page shows them in its timeline, the latest under the count. The page is checked with axe and
the HTML checker, and photographed in test-artifacts/screens/outcomes/ (the whole page and the timeline).
"""

import io

import pytest
from PIL import Image, ImageDraw

from statements.models import Answer, HandIn

from .checks import format_html_errors, format_violations, run_axe, sideways_overflow
from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

SCREENS = ARTIFACTS / "screens" / "outcomes"
TARGET = "Jo Example MP"
PHOTO_ALT = "Four members outside the office holding the box of signatures."


def photo_file(folder):
    """A small JPEG standing in for the organiser's photo of the hand-in."""
    picture = Image.new("RGB", (800, 600), (200, 210, 220))
    ImageDraw.Draw(picture).rectangle((300, 250, 500, 400), fill=(160, 0, 0))
    out = io.BytesIO()
    picture.save(out, "JPEG")
    path = folder / "hand-in.jpg"
    path.write_bytes(out.getvalue())
    return path


def publish(tab):
    """Publish a new hand-in or response, after Wagtail's autosave has had its turn.

    Its first autosave makes the record and turns the form into its edit form; pressing Publish
    while that request is on its way would post a second new one.
    """
    tab.wait_for_timeout(1500)  # WAGTAIL_AUTOSAVE_INTERVAL is 500 ms; a person takes longer than this anyway
    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name="Publish").click()
    expect(tab.locator(".messages")).to_contain_text("published")


def test_an_organiser_records_a_hand_in_and_a_response_and_visitors_see_the_timeline(
    organiser_tab, tmp_path, html_checker
):
    tab = organiser_tab
    tab.goto("/admin/snippets/statements/target/add/")
    tab.get_by_role("textbox", name="Name").fill(TARGET)
    tab.get_by_role("textbox", name="Description").fill("The MP for Anytown.")
    tab.get_by_role("button", name="Save").click()
    expect(tab.locator(".messages")).to_contain_text("created")

    tab.goto("/admin/snippets/statements/ask/add/")
    tab.get_by_role("combobox", name="Target").select_option(label=TARGET)
    tab.get_by_role("textbox", name="What we ask of them").fill("to sign it too")
    tab.get_by_role("button", name="Save").click()
    expect(tab.locator(".messages")).to_contain_text("created")

    tab.goto("/admin/snippets/statements/handin/add/")
    count = tab.get_by_role("spinbutton", name="Signatures at the time")
    expect(count).to_have_value("10")  # the demo's count, filled in
    tab.get_by_role("textbox", name="Place").fill("Anytown constituency office")
    tab.get_by_role("textbox", name="Handed in by").fill("Anytown Labour members")
    tab.get_by_role("combobox", name="Handed to").select_option(label=TARGET)
    tab.get_by_role("button", name="Choose an image").click()
    chooser = tab.locator(".modal-dialog")
    chooser.get_by_role("tab", name="Upload").click()
    chooser.locator("input[type=file]").set_input_files(str(photo_file(tmp_path)))
    chooser.get_by_label("Title").fill("Hand-in at the constituency office")
    chooser.get_by_role("button", name="Upload").click()
    expect(tab.locator("[data-chooser-title]").first).to_contain_text("Hand-in at the constituency office")
    tab.get_by_role("textbox", name="Photo description").fill(PHOTO_ALT)
    publish(tab)
    expect(tab.locator(".messages")).to_contain_text("Tell subscribers with a news update?")
    hand_in = HandIn.objects.get(place="Anytown constituency office")
    assert hand_in.live and hand_in.photo is not None and hand_in.signature_count == 10

    tab.goto("/admin/snippets/statements/answer/add/")
    tab.get_by_role("combobox", name="One of the targets").select_option(label=TARGET)
    tab.get_by_role("textbox", name="Quote").fill("I will raise the statement with the Shadow Cabinet.")
    publish(tab)
    assert Answer.objects.get(target__name=TARGET).live

    tab.goto("/statement/")
    timeline = tab.locator("#timeline")
    expect(timeline).to_contain_text(f"Handed in to {TARGET}")
    expect(timeline).to_contain_text("Anytown Labour members handed in 10 signatures at Anytown constituency office.")
    expect(timeline).to_contain_text("I will raise the statement with the Shadow Cabinet.")
    expect(timeline).to_contain_text("We ask them to sign it too.")
    expect(tab.locator(".latest-step")).to_contain_text(f"Latest: {TARGET} answered on")
    photo = timeline.get_by_role("img", name=PHOTO_ALT)
    photo.scroll_into_view_if_needed()
    expect(photo).to_be_visible()
    tab.wait_for_function("[...document.images].every((image) => image.complete)")

    SCREENS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENS / f"statement-{tab.size}.png"), full_page=True)
    timeline.screenshot(path=str(SCREENS / f"timeline-{tab.size}.png"))
    tab.evaluate("window.scrollTo(0, 0)")
    tab.screenshot(path=str(SCREENS / f"first-screen-{tab.size}.png"))  # the count and the latest step
    violations = run_axe(tab)
    assert violations == [], format_violations(violations, "the statement page with a timeline")
    assert sideways_overflow(tab) == 0
    if tab.size == "desktop":
        errors = html_checker({"statement-with-timeline": tab.content()})
        assert not errors, format_html_errors(errors)


def test_the_demo_timeline_shows_the_hand_in_photo_small_beside_calm_steps(page):
    """On the demo server (which serves media): the hand-in's photo loads, at most 320 px wide, lazily."""
    page.goto("/statement/")
    photo = page.locator(".timeline-photo").first
    photo.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.timeline-photo').complete")
    assert photo.evaluate("image => image.naturalWidth") > 0, "the hand-in photo did not load"
    box = photo.bounding_box()
    assert box["width"] <= 320 and box["height"] <= 240
    SCREENS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.locator("#timeline").screenshot(path=str(SCREENS / f"demo-timeline-{width}.png"))
