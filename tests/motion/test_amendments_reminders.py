"""Reminders before a conference's deadline for amendments, like those for motions: to reporters of a passed
motion who asked, once per report and conference, never after the deadline, and still after their motion
was submitted (a body may amend the others' motions, or the composite)."""

import pytest
from django.core import mail

from campaign.motion.models import DeadlineReminder
from tests.motion.factories import ConferenceFactory, PathwayStepFactory, days
from tests.motion.test_deadline_reminders import asked, remind  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.django_db, pytest.mark.clock]


def test_a_reporter_hears_of_the_amendments_deadline_once(motion_page, remind):  # noqa: F811
    report = asked(body_name="Leeds Central CLP", body_type="labour", union_other="", email="sec@example.org")
    conference = ConferenceFactory(name="Labour Party Conference 2027", motions_deadline=days(-2))
    conference.amendments_deadline = days(10)
    conference.save()

    assert remind() == 1
    (message,) = mail.outbox
    assert message.to == ["sec@example.org"]
    assert message.subject == "10 days to the deadline for amendments to Labour Party Conference 2027"
    assert f"its deadline for amendments is {days(10):%A %-d %B %Y}: in 10 days" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    reminder = DeadlineReminder.objects.get()
    assert (reminder.report, reminder.kind, reminder.deadline) == (report, "amendments", days(10))

    assert remind() == 0  # once
    assert mail.outbox == []


def test_both_deadlines_near_send_one_reminder_each(motion_page, remind):  # noqa: F811
    asked(body_type="labour", union_other="")
    ConferenceFactory(name="TUC Congress", motions_deadline=days(3), amendments_deadline=days(9))
    assert remind() == 2
    assert sorted(message.subject for message in mail.outbox) == [
        "3 days to the deadline for motions to TUC Congress",
        "9 days to the deadline for amendments to TUC Congress",
    ]
    assert remind() == 0


def test_a_submitted_motion_still_hears_of_amendments(motion_page, remind):  # noqa: F811
    report = asked(body_type="labour", union_other="")
    conference = ConferenceFactory(motions_deadline=days(3), amendments_deadline=days(9))
    PathwayStepFactory(report=report, conference=conference)
    assert remind() == 1
    assert "deadline for amendments" in mail.outbox[0].subject


@pytest.mark.parametrize(
    ("report_changes", "deadline"),
    [
        ({"deadline_reminders": False}, 9),  # did not ask
        ({"email_confirmed_at": None}, 9),  # never confirmed
        ({}, 20),  # not yet within 14 days
        ({}, -1),  # a deadline in the past
    ],
)
def test_no_amendments_reminder_outside_the_rules(motion_page, remind, report_changes, deadline):  # noqa: F811
    asked(body_type="labour", union_other="", **report_changes)
    conference = ConferenceFactory(motions_deadline=days(-5))
    conference.amendments_deadline = days(deadline)
    conference.save()
    assert remind() == 0
    assert mail.outbox == []


def test_stopping_reminders_stops_the_amendments_one_too(motion_page, remind):  # noqa: F811
    report = asked(body_type="labour", union_other="")
    report.deadline_reminders = False
    report.save()
    ConferenceFactory(motions_deadline=days(-5), amendments_deadline=days(5))
    assert remind() == 0
