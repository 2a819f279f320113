"""A passed motion's steps at a conference: reported on a public form, confirmed by email, verified by an
organiser in order; what is out of order or contradicts itself is refused with a message saying why."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from campaign.motion import checking
from campaign.motion.models import PathwayStep
from campaign.motion.personal_data import describe, erase
from tests.core.test_menu_badges import menu_links
from tests.html import visible_text
from tests.motion.factories import (
    ConferenceFactory,
    MotionReportFactory,
    PathwayStepFactory,
    VerifiedReportFactory,
    days,
)
from tests.motion.test_tracker import button_form
from tests.statements.visitor import path_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(db):
    return VerifiedReportFactory(body_name="Leeds Central branch")


def step_data(for_report, at_conference, **changes):
    data = {
        "report": str(for_report.pk),
        "conference": str(at_conference.pk),
        "stage": "submitted",
        "happened_on": days(-3).isoformat(),
        "submitted_by": "Unite Yorkshire region",
        "composite_name": "",
        "composited_with": "",
        "result": "",
        "card_for": "",
        "card_against": "",
        "card_abstain": "",
        "reporter_role": "Branch Secretary",
        "email": "secretary@example.org",
        "website": "",
    }
    return data | changes


def report_and_confirm(client, report, conference, **changes):
    mail.outbox.clear()
    response = client.post("/motion/pathway/step/", step_data(report, conference, **changes))
    assert response.status_code == 302, visible_text(response)
    (link,) = re.findall(r"https?://\S+/pathway/confirm/step/\S+", mail.outbox[-1].body)
    opened = client.get(path_of(link))
    assert (
        PathwayStep.objects.filter(email_confirmed_at__isnull=False, stage=changes.get("stage", "submitted")).count()
        == 0
    )
    action, fields = button_form(opened)
    assert "Thank you" in visible_text(client.post(action, fields))
    return PathwayStep.objects.get(report=report, conference=conference, stage=changes.get("stage", "submitted"))


def test_a_step_is_confirmed_by_email_then_public_once_an_organiser_verifies_it(
    client, motion_page, report, conference, organiser
):
    step = report_and_confirm(client, report, conference)

    assert step.email_confirmed_at is not None and step.submitted_by == "Unite Yorkshire region"
    assert mail.outbox[-1].subject == "Conference step to verify: Leeds Central branch (submitted)"
    board = f"/motion/conferences/{conference.slug}/"
    assert "Leeds Central branch" not in visible_text(client.get(board))

    client.force_login(organiser)
    links = menu_links(client.get("/admin/").content.decode())
    assert links["Conference steps"]["aria-label"] == "Conference steps, 1 new"
    screen = client.get(f"/admin/motion/pathway/verify/steps/?record={step.pk}").content.decode()
    assert re.search(rf'value="{step.pk}" id="record-{step.pk}" checked', screen)
    response = client.post(
        "/admin/motion/pathway/verify/steps/", {"records": [step.pk], "verification": "second_officer"}, follow=True
    )
    assert "1 verified: now public." in visible_text(response)
    client.logout()

    text = visible_text(client.get(board))
    assert "Leeds Central branch (GMB) Submitted" in text
    assert "Submitted by Unite Yorkshire region" in text


def test_a_step_after_the_submission_waits_until_the_submission_is_verified(client, report, conference, organiser):
    submitted = PathwayStepFactory(report=report, conference=conference, verified_at=None)
    accepted = PathwayStepFactory(report=report, conference=conference, stage="accepted", verified_at=None)

    done, left = checking.verify(PathwayStep.objects.filter(pk=accepted.pk), organiser, "phone")
    assert (done, left) == (0, 1)

    done, left = checking.verify(PathwayStep.objects.filter(pk__in=[accepted.pk, submitted.pk]), organiser, "phone")
    assert (done, left) == (2, 0)  # the submission first, whatever the order ticked


@pytest.mark.parametrize(
    ("before", "changes", "message"),
    [
        (
            [],
            {"stage": "composited", "composite_name": "Composite 4"},
            "Leeds Central branch’s motion has not been reported as submitted to Labour Party Conference 2027 yet: "
            "please tell us about the submission first.",
        ),
        (["submitted"], {"stage": "result", "result": "carried"}, "Please tell us first that Leeds Central"),
        (["submitted", "ruled_out"], {"stage": "accepted"}, "was ruled out of order at Labour Party Conference 2027"),
        (["submitted", "accepted"], {"stage": "ruled_out"}, "was already accepted at Labour Party Conference 2027."),
        (["submitted"], {}, "We already have “submitted” for Leeds Central branch at Labour Party Conference 2027."),
        ([], {"happened_on": days(15).isoformat()}, "That date is still to come"),
        ([], {"submitted_by": ""}, "Please say who submitted it"),
        (["submitted", "accepted"], {"stage": "composited"}, "Please give the composite’s number"),
        (
            ["submitted", "accepted"],
            {"stage": "debated", "happened_on": days(-1).isoformat()},
            "Labour Party Conference 2027 starts on",
        ),
        (["submitted"], {"stage": "accepted", "happened_on": days(-10).isoformat()}, "That is before the motion"),
        ([], {"happened_on": "soon"}, "Please give the date, for example 14/05/2027."),
        ([], {"report": "99999"}, "Select a valid choice."),
    ],
)
def test_a_step_out_of_order_or_contradicting_itself_is_refused(
    client, motion_page, report, conference, before, changes, message
):
    for stage in before:
        PathwayStepFactory(report=report, conference=conference, stage=stage, happened_on=days(-6))

    response = client.post("/motion/pathway/step/", step_data(report, conference, **changes))

    assert response.status_code == 200
    assert message in visible_text(response)
    assert 'value="Branch Secretary"' in response.content.decode()
    assert PathwayStep.objects.count() == len(before)


def test_a_submission_after_the_deadline_for_motions_is_refused(client, motion_page, report):
    conference = ConferenceFactory(name="TUC Congress 2027", motions_deadline=days(-5), takes_from_union_branches=True)
    response = client.post("/motion/pathway/step/", step_data(report, conference, happened_on=days(-1).isoformat()))
    assert (
        f"The deadline for motions to TUC Congress 2027 was {days(-5):%-d %B %Y}: "
        "a motion submitted after it is too late" in visible_text(response)
    )


def test_a_body_the_conference_takes_no_motions_from_is_refused(client, motion_page, conference):
    council = VerifiedReportFactory(body_name="Hull Trades Council", body_type="trades-council", union_other="")
    response = client.post("/motion/pathway/step/", step_data(council, conference))
    assert (
        "Labour Party Conference 2027 takes motions from CLPs and Labour branches and union branches, through their "
        "regions: not from Hull Trades Council." in visible_text(response)
    )


def test_only_bodies_verified_as_passing_can_be_chosen(client, motion_page, conference):
    waiting = MotionReportFactory(body_name="Unverified branch", email_confirmed_at=timezone.now())
    assert "Unverified branch" not in client.get("/motion/pathway/step/").content.decode()
    response = client.post("/motion/pathway/step/", step_data(waiting, conference))
    assert "Select a valid choice." in visible_text(response)


def conference_under_way():
    return ConferenceFactory(
        name="Labour Party Conference 2026",
        starts_on=days(-2),
        ends_on=days(1),
        motions_deadline=days(-40),
        amendments_deadline=days(-20),
    )


@pytest.mark.parametrize(
    ("card_vote", "result", "message"),
    [
        (("100", "200", ""), "carried", "With those figures the motion was not carried"),
        (("300", "200", ""), "lost", "With those figures the motion was carried, not lost"),
        (("300", "", ""), "carried", "Please give both the votes for and against"),
        (("300", "200", "5"), "remitted", "A remitted motion is not voted on"),
        (("-3", "200", ""), "carried", "Ensure this value is greater than or equal to 0."),
        (("", "", ""), "", "Please say whether it was carried, lost or remitted."),
    ],
)
def test_a_result_with_card_vote_figures_that_do_not_add_up_is_refused(
    client, motion_page, report, card_vote, result, message
):
    conference = conference_under_way()
    for stage in ("submitted", "accepted", "debated"):
        PathwayStepFactory(
            report=report, conference=conference, stage=stage, happened_on=days(-60 if stage == "submitted" else -1)
        )
    votes = dict(zip(("card_for", "card_against", "card_abstain"), card_vote, strict=True))
    response = client.post(
        "/motion/pathway/step/",
        step_data(report, conference, stage="result", result=result, happened_on=days(-1).isoformat(), **votes),
    )
    assert message in visible_text(response)
    assert not PathwayStep.objects.filter(stage="result").exists()


def test_a_carried_result_with_its_card_vote_reaches_the_board(client, motion_page, report, organiser):
    conference = conference_under_way()
    for stage in ("submitted", "accepted", "debated"):
        PathwayStepFactory(
            report=report, conference=conference, stage=stage, happened_on=days(-60 if stage == "submitted" else -1)
        )
    data = {"stage": "result", "result": "carried", "happened_on": days(-1).isoformat()}
    data |= {"card_for": "2412000", "card_against": "1205000", "card_abstain": "", "submitted_by": "ignored"}
    step = report_and_confirm(client, report, conference, **data)
    assert step.submitted_by == ""  # another stage's detail is not kept
    checking.verify(PathwayStep.objects.filter(pk=step.pk), organiser, "phone")

    text = visible_text(client.get(f"/motion/conferences/{conference.slug}/"))
    assert "Leeds Central branch (GMB) Carried" in text
    assert "Result: carried (card vote: 2,412,000 for, 1,205,000 against)" in text
    assert "This conference has happened." not in text


def test_a_result_for_a_conference_still_to_come_is_refused(client, motion_page, report, conference):
    for stage in ("submitted", "accepted", "debated"):
        PathwayStepFactory(report=report, conference=conference, stage=stage, happened_on=days(-6))
    response = client.post("/motion/pathway/step/", step_data(report, conference, stage="result", result="carried"))
    assert f"Labour Party Conference 2027 starts on {days(45):%-d %B %Y}: a debate or a result can be reported" in (
        visible_text(response)
    )


def test_a_bad_link_says_so_and_opening_it_confirms_nothing(client, motion_page, report, conference):
    client.post("/motion/pathway/step/", step_data(report, conference))
    (link,) = re.findall(r"https?://\S+/pathway/confirm/step/\S+", mail.outbox[-1].body)
    client.get(path_of(link))
    client.head(path_of(link))
    assert PathwayStep.objects.get().email_confirmed_at is None
    assert client.get("/motion/pathway/confirm/step/?token=broken").status_code == 400
    assert client.get("/motion/pathway/confirm/nothing/?token=x").status_code == 404


def test_the_step_form_is_prefilled_from_the_reminders_link(client, motion_page, report, conference):
    html = client.get(f"/motion/pathway/step/?report={report.pk}&conference={conference.pk}").content.decode()
    assert re.search(rf'<option value="{report.pk}" selected>', html)
    assert re.search(rf'<option value="{conference.pk}" selected>', html)
    assert 'name="stage" value=""' not in html  # what happened is one of the stages, never a blank radio


def test_organisers_see_steps_editors_do_not(client, report, conference, organiser, editor):
    PathwayStepFactory(report=report, conference=conference, verified_at=None)
    client.force_login(organiser)
    assert "Leeds Central branch" in visible_text(client.get("/admin/motion/pathwaystep/"))
    client.force_login(editor)
    assert "Leeds Central branch" not in visible_text(client.get("/admin/motion/pathwaystep/", follow=True))
    response = client.post("/admin/motion/pathway/verify/steps/", {"records": [1], "verification": "phone"})
    assert response.status_code in (302, 403)
    assert not PathwayStep.objects.filter(verified_by__isnull=False).exists()


def test_erasing_a_reporters_data_takes_their_steps(client, report, conference):
    PathwayStepFactory(report=report, conference=conference, email="someone@example.org")
    assert any("Leeds Central branch" in holding.heading for holding in describe("someone@example.org"))
    erase("SOMEONE@example.org")
    assert not PathwayStep.objects.exists()
