"""The motion tracker end to end: a visitor reports "tabled", an organiser verifies, the follow-up's "Passed" lists it.

Runs on the live server with the demo content (`live_page`), reading the
emails from the test backend (django.core.mail.outbox) as the journeys in
test_journeys.py do. Also saves screenshots of the pages this feature
changed, at a phone's and a laptop's width, under test-artifacts/screens/.
"""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.utils import timezone

from campaign.motion.models import MotionReport
from campaign.motion.tasks import follow_up_motion_reports
from statements.models import Union
from tests.statements.visitor import path_of

from .checks import VIEWPORTS, fill_form, format_violations, sign_in_to_admin, submit_button
from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

SCREENS = ARTIFACTS / "screens"
BODY = "Kirkby UNISON health branch"


def screenshot(page, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    label = next(key for key, size in VIEWPORTS.items() if size["width"] == width)
    page.screenshot(path=str(SCREENS / f"{name}-{label}.png"), full_page=True)


def sign_in_as_organiser(page):
    organiser = User.objects.create_superuser("organiser", "organiser@example.org", "a long test password")
    sign_in_to_admin(page, organiser.username, "a long test password")


@pytest.mark.parametrize("live_page", ["desktop"], indirect=True)
def test_reported_tabled_verified_then_passed_from_the_follow_up_email(live_page, axe):
    page = live_page
    page.goto("/motion/")
    page.get_by_role("link", name="tell us when it is tabled", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tell us where the motion stands")

    meeting = timezone.localdate() + timedelta(days=10)
    fill_form(
        page,
        "form[method=post]",
        {
            "body_name": BODY,
            "body_type": "union",
            "union": str(Union.objects.get(name="UNISON").pk),
            "region": "north-west",
            "status": "tabled",
            "meeting_date": meeting.isoformat(),
            "reporter_role": "Branch Secretary",
            "email": "kirkby@example.org",
        },
    )
    submit_button(page, "form[method=post]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")

    confirm = re.search(r"https?://\S+/report/confirm/\?token=\S+", mail.outbox[-1].body).group(0)
    page.goto(path_of(confirm))
    assert MotionReport.objects.get(body_name=BODY).email_confirmed_at is None  # opening the link changes nothing
    page.get_by_role("button", name="Confirm my report").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("your report is confirmed")

    sign_in_as_organiser(page)
    page.goto("/admin/motion/reports/verify/")
    screenshot(page, "admin-verify-motion-reports")
    page.get_by_label(BODY).check()
    page.get_by_label("Verified by phone").check()
    page.get_by_role("button", name="Verify the ticked reports").click()
    expect(page.locator(".messages")).to_contain_text("1 report verified")

    # The day after the meeting, the scheduled job asks how it went.
    MotionReport.objects.filter(body_name=BODY).update(meeting_date=timezone.localdate() - timedelta(days=1))
    mail.outbox.clear()
    follow_up_motion_reports.call()
    (message,) = mail.outbox
    passed = re.search(r"https?://\S+/report/answer/\?\S*answer=passed\S*", message.body).group(0)

    page.goto(path_of(passed))
    expect(page.get_by_role("heading", level=1)).to_have_text("How did the meeting go?")
    violations = axe(page)
    assert not violations, format_violations(violations, "the answer page")
    assert MotionReport.objects.get(body_name=BODY).status == "tabled"
    page.get_by_role("button", name="Yes: passed").click()
    expect(page.locator("[role=status]")).to_contain_text("It is on the public list.")

    page.goto("/motion/")
    listed = page.locator(".passed")
    expect(listed.get_by_role("heading", level=2)).to_have_text("Passed by 7 bodies")
    expect(listed).to_contain_text(f"{BODY} (UNISON): passed")


def test_screenshots_of_the_tracker_and_the_spread(live_page, axe):
    """The statement's chart, the motion page's list and the report form, at both widths, checked with axe."""
    page = live_page
    for name, path in [
        ("statement-spread", "/statement/"),
        ("motion-passed", "/motion/"),
        ("motion-report", "/motion/report/"),
    ]:
        page.goto(path)
        screenshot(page, name)
        violations = axe(page)
        assert not violations, format_violations(violations, path)
    page.goto("/motion/report/")
    submit_button(page, "form[method=post]").click()
    expect(page.locator("#error-summary, .error-summary").first).to_be_visible()
    screenshot(page, "motion-report-errors")
