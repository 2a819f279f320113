"""The conference pathway end to end, at a phone's and a laptop's width: a branch reports a passed motion, it is
submitted to a conference and composited (each verified by an organiser), the public board shows it; a delegate
pledges and an organiser verifies. axe and the HTML checker on the board, the motion page's pathway and the forms;
screenshots under test-artifacts/screens/.

Runs on the live server with the demo content (`live_page`), which has "Labour Party Conference (example)", its
motions deadline 14 days away, reading the emails from the test backend as the other journeys do.
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from campaign.motion.models import AffiliatedBody, Conference, MotionReport, PathwayStep
from statements.models import Union
from tests.statements.visitor import path_of

from .checks import fill_form, format_html_errors, format_violations, submit_button
from .test_motion_tracker import screenshot, sign_in_as_organiser

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

BODY = "Kirkby Labour Party"
POST_FORM = "main form[method=post]"


def follow_emailed_link(page, pattern, button):
    link = re.search(pattern, mail.outbox[-1].body).group(0)
    page.goto(path_of(link))
    page.get_by_role("button", name=button).click()


def verify_in_admin(page, path, label):
    page.goto(path)
    page.get_by_label(label).check()
    page.get_by_label("Second officer confirmed").check()
    page.get_by_role("button", name="Verify the ticked ones").click()
    expect(page.locator(".messages")).to_contain_text("1 verified")


def check_page(page, axe, html_checker, name):
    screenshot(page, name)
    violations = axe(page)
    assert not violations, format_violations(violations, name)
    errors = html_checker({name: page.content()})
    assert not errors, format_html_errors(errors)


def report_step(page, conference, stage, **details):
    page.goto("/motion/pathway/step/")
    data = {
        "report": str(MotionReport.objects.get(body_name=BODY).pk),
        "conference": str(conference.pk),
        "stage": stage,
        "happened_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "reporter_role": "CLP Secretary",
        "email": "kirkby@example.org",
        **details,
    }
    fill_form(page, POST_FORM, data)
    submit_button(page, POST_FORM).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    follow_emailed_link(page, r"https?://\S+/pathway/confirm/step/\?token=\S+", "Confirm")
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")


def test_from_a_branch_report_to_the_conference_board_and_a_delegates_pledge(live_page, axe, html_checker):
    page = live_page
    conference = Conference.objects.get(name="Labour Party Conference (example)")
    board = f"/motion/conferences/{conference.slug}/"

    # A branch reports that it passed the motion, confirms, and an organiser verifies.
    page.goto("/motion/report/")
    fill_form(
        page,
        POST_FORM,
        {
            "body_name": BODY,
            "body_type": "labour",
            "region": "north-west",
            "status": "passed",
            "meeting_date": (timezone.localdate() - timedelta(days=3)).isoformat(),
            "reporter_role": "CLP Secretary",
            "email": "kirkby@example.org",
            "deadline_reminders": True,
        },
    )
    submit_button(page, POST_FORM).click()
    follow_emailed_link(page, r"https?://\S+/report/confirm/\?token=\S+", "Confirm my report")
    assert MotionReport.objects.get(body_name=BODY).deadline_reminders
    sign_in_as_organiser(page)
    page.goto("/admin/motion/reports/verify/")
    page.get_by_label(BODY).check()
    page.get_by_label("Verified by phone").check()
    page.get_by_role("button", name="Verify the ticked reports").click()

    # Submitted to the conference, then composited: each reported, confirmed and verified.
    report_step(page, conference, "submitted", submitted_by="Kirkby CLP")
    check_page(page, axe, html_checker, "pathway-step-confirmed")
    verify_in_admin(page, "/admin/motion/pathway/verify/steps/", BODY)
    page.goto("/motion/pathway/step/")
    check_page(page, axe, html_checker, "pathway-step-form")
    report_step(page, conference, "composited", composite_name="Composite 4", composited_with="Eastport Unite branch")
    verify_in_admin(page, "/admin/motion/pathway/verify/steps/", BODY)
    assert PathwayStep.objects.filter(report__body_name=BODY, verified_at__isnull=False).count() == 2

    page.goto(board)
    card = page.locator(".board-body", has_text=BODY)
    expect(card).to_contain_text("Composited")
    expect(card).to_contain_text("Submitted by Kirkby CLP")
    expect(card).to_contain_text("Composited into Composite 4 with Eastport Unite branch")
    expect(page.locator(".deadline-next")).to_contain_text("Next deadline for motions:")
    expect(page.locator(".deadline-next")).to_contain_text("(in 14 days)")

    # A delegate pledges; counted only once an organiser verifies.
    expect(page.locator(".pledged")).to_contain_text("3 delegations, about 1,100,000 affiliated members")
    page.get_by_role("link", name="Are you a delegate? Pledge to support the motion").click()
    check_page(page, axe, html_checker, "pathway-pledge-form")
    unison = AffiliatedBody.objects.get(name="UNISON (example)")
    fill_form(
        page,
        POST_FORM,
        {"delegate_name": "Jo Delegate", "body": str(unison.pk), "email": "jo@example.org", "notices": True},
    )
    submit_button(page, POST_FORM).click()
    follow_emailed_link(page, r"https?://\S+/pathway/confirm/pledge/\?token=\S+", "Confirm my pledge")
    verify_in_admin(page, "/admin/motion/pathway/verify/pledges/", "Jo Delegate")
    screenshot(page, "admin-verify-pledges")

    page.context.clear_cookies()  # as the public sees it
    page.goto(board)
    expect(page.locator(".pledged")).to_contain_text("4 delegations, about 2,200,000 affiliated members")
    check_page(page, axe, html_checker, "conference-board")
    page.goto("/motion/")
    pathway = page.locator(".pathway")
    expect(pathway).to_contain_text("Next deadline: motions to Labour Party Conference (example)")
    expect(pathway.locator(".card", has_text="Labour Party Conference (example)")).to_contain_text("2 composited")
    pathway.scroll_into_view_if_needed()
    check_page(page, axe, html_checker, "motion-pathway")


def test_the_forms_error_states_pass_axe_and_the_html_checker(live_page, axe, html_checker):
    page = live_page
    for name, path in (
        ("pathway-step-errors", "/motion/pathway/step/"),
        ("pathway-pledge-errors", "/motion/pathway/pledge/"),
    ):
        page.goto(path)
        submit_button(page, POST_FORM).click()
        expect(page.locator(".error-summary").first).to_be_visible()
        check_page(page, axe, html_checker, name)
    assert Union.objects.exists()  # the demo content is there
