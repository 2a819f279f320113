"""Reminders before a conference's deadline for motions: to reporters of a passed motion who asked for them,
for conferences that take motions from their body, once, never after the deadline, stoppable with one click."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from campaign.motion.models import DeadlineReminder, MotionReport
from campaign.motion.tasks import remind_of_conference_deadlines
from core.schedule import scheduled_jobs
from statements.models import Union
from tests.html import visible_text
from tests.motion.factories import (
    ConferenceFactory,
    PathwayStepFactory,
    VerifiedReportFactory,
    days,
)
from tests.motion.test_tracker import button_form, report_and_confirm, today
from tests.statements.visitor import path_of

pytestmark = [pytest.mark.django_db, pytest.mark.clock]


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """Run the scheduled job as the worker would, sending its emails (tests never commit)."""

    def run():
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            return remind_of_conference_deadlines.call()

    return run


def asked(**changes):
    return VerifiedReportFactory(**{"deadline_reminders": True, "email_confirmed_at": timezone.now(), **changes})


def test_the_job_is_scheduled_every_morning():
    jobs = scheduled_jobs()
    (crontab,) = [crontab for path, (task, crontab) in jobs.items() if path.endswith("remind_of_conference_deadlines")]
    assert crontab == "30 9 * * *"


def test_a_reporter_who_asked_hears_of_the_deadline_once(motion_page, remind, client):
    report = asked(body_name="Leeds Central CLP", body_type="labour", union_other="", email="sec@example.org")
    ConferenceFactory(name="Labour Party Conference 2027", motions_deadline=days(14))

    assert remind() == 1
    (message,) = mail.outbox
    assert message.to == ["sec@example.org"]
    assert message.subject == "14 days to the deadline for motions to Labour Party Conference 2027"
    assert f"its deadline for motions is {days(14):%A %-d %B %Y}: in 14 days" in message.body
    assert f"/motion/pathway/step/?report={report.pk}" in message.body

    assert remind() == 0  # once
    assert mail.outbox == []
    assert DeadlineReminder.objects.get().deadline == days(14)


def test_the_report_form_asks_and_a_confirmed_report_then_gets_reminded(client, motion_page, organiser, remind):
    report = report_and_confirm(
        client, status="passed", meeting_date=today().isoformat(), body_type="labour", deadline_reminders="on"
    )
    MotionReport.objects.filter(pk=report.pk).update(verified_at=timezone.now())
    ConferenceFactory(motions_deadline=days(5))
    assert remind() == 1
    assert "in 5 days" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("report_changes", "conference_changes"),
    [
        ({"deadline_reminders": False}, {}),  # did not ask
        ({"email_confirmed_at": None}, {}),  # never confirmed the address
        ({"verified_at": None}, {}),  # not verified
        ({"status": "defeated"}, {}),  # did not pass
        ({}, {"motions_deadline": days(15)}),  # not yet within 14 days
        # The deadline for motions is past (amendments' is not yet near: tests/motion/test_amendments_reminders.py).
        ({}, {"motions_deadline": days(-1), "amendments_deadline": days(20)}),
        ({"body_type": "trades-council"}, {}),  # the conference takes no motions from trades councils
    ],
)
def test_no_reminder_without_consent_or_outside_the_rules(motion_page, remind, report_changes, conference_changes):
    asked(**report_changes)
    ConferenceFactory(**conference_changes)
    assert remind() == 0
    assert mail.outbox == []


def test_a_union_conference_reminds_only_that_unions_branches(motion_page, remind):
    unite, gmb = Union.objects.create(name="Unite"), Union.objects.create(name="GMB")
    asked(union=unite, union_other="", email="unite@example.org")
    asked(union=gmb, union_other="", email="gmb@example.org")
    ConferenceFactory(name="Unite Policy Conference", body="union", union=unite, takes_from_clps=False)
    remind()
    assert [message.to for message in mail.outbox] == [["unite@example.org"]]


def test_no_reminder_once_the_motion_is_submitted_there(motion_page, remind):
    report = asked()
    conference = ConferenceFactory()
    PathwayStepFactory(report=report, conference=conference, verified_at=None)
    assert remind() == 0


def test_one_click_stops_the_reminders(client, motion_page, remind):
    report = asked(email="sec@example.org")
    ConferenceFactory()
    remind()
    (stop,) = re.findall(r"https?://\S+/pathway/stop/reminders/\S+", mail.outbox[0].body)
    page = client.get(path_of(stop))
    report.refresh_from_db()
    assert report.deadline_reminders  # opening the link changes nothing
    action, fields = button_form(page)
    assert "We will send you no more reminders of conference deadlines." in visible_text(client.post(action, fields))
    report.refresh_from_db()
    assert not report.deadline_reminders

    ConferenceFactory(name="Another conference")
    assert remind() == 0
