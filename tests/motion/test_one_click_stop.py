"""The deadline reminder and the conference-week notice carry one-click unsubscribe headers (RFC 8058), and a
mail program's POST to that address (the token in the address, no Origin, no cookie) stops them at once."""

import re

import pytest
from django.core import mail

from campaign.motion import notices
from campaign.motion.models import MotionReport
from core.emails import send_email
from tests.html import visible_text
from tests.motion.factories import ConferenceFactory, DelegatePledgeFactory
from tests.motion.test_deadline_reminders import asked, remind  # noqa: F401 (fixtures)
from tests.motion.test_pledges import in_conference_week
from tests.statements.visitor import path_of

pytestmark = [pytest.mark.django_db, pytest.mark.clock]

ONE_CLICK = {"List-Unsubscribe": "One-Click"}


def one_click_address(message, route):
    """The List-Unsubscribe address, after checking the headers a mail program needs to offer one click."""
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    (address,) = re.fullmatch(r"<(\S+)>", message.extra_headers["List-Unsubscribe"]).groups()
    assert re.fullmatch(rf"https?://[^/]+/motion/pathway/stop/{route}/\?token=\S+", address)
    assert address in message.body  # the same link the text offers a person
    return address


def test_a_mail_programs_one_click_post_stops_the_reminders(client, motion_page, remind):  # noqa: F811
    report = asked(email="sec@example.org")
    ConferenceFactory()
    remind()
    address = one_click_address(mail.outbox[0], "reminders")

    looked = client.get(path_of(address))
    assert "Send me no more reminders of conference deadlines" in visible_text(looked)
    report.refresh_from_db()
    assert report.deadline_reminders  # a GET (a person, or a mail scanner) changes nothing

    stopped = client.post(path_of(address), ONE_CLICK)  # no Origin, no Sec-Fetch-Site: a mail provider's server
    assert stopped.status_code == 200
    assert "We will send you no more reminders of conference deadlines." in visible_text(stopped)
    assert not MotionReport.objects.get(pk=report.pk).deadline_reminders
    ConferenceFactory(name="Another conference")
    assert remind() == 0


def test_a_mail_programs_one_click_post_stops_the_notices(
    client,
    motion_page,  # noqa: F811
    organiser,
    django_capture_on_commit_callbacks,
):
    conference = in_conference_week()
    pledge = DelegatePledgeFactory(conference=conference)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notices.send_notice(conference, "Composite 4 at 2.30 pm.", organiser)
    (message,) = mail.outbox
    assert message.to == [pledge.email]
    address = one_click_address(message, "notices")

    client.get(path_of(address))
    assert list(notices.recipients(conference)) == [pledge]  # the GET changed nothing

    stopped = client.post(path_of(address), ONE_CLICK)
    assert "We will send you no more notices during conference week." in visible_text(stopped)
    assert list(notices.recipients(conference)) == []


def test_a_one_click_post_with_a_spoilt_token_stops_nothing(client, motion_page, remind):  # noqa: F811
    report = asked()
    ConferenceFactory()
    remind()
    address = one_click_address(mail.outbox[0], "reminders")
    assert client.post(path_of(address) + "x", ONE_CLICK).status_code == 400
    report.refresh_from_db()
    assert report.deadline_reminders


def test_a_post_from_another_site_is_still_refused(client, motion_page, remind):  # noqa: F811
    report = asked()
    ConferenceFactory()
    remind()
    address = one_click_address(mail.outbox[0], "reminders")
    refused = client.post(
        path_of(address), ONE_CLICK, headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}
    )
    assert refused.status_code == 403
    report.refresh_from_db()
    assert report.deadline_reminders


def test_only_the_emails_nobody_just_asked_for_carry_the_headers(client, motion_page, remind):  # noqa: F811
    asked()
    ConferenceFactory()
    remind()
    assert "List-Unsubscribe" in mail.outbox[0].extra_headers
    mail.outbox.clear()
    unconfirmed = DelegatePledgeFactory(verified_at=None)
    send_email.call("motion/pledge_confirm", unconfirmed.pk)
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers
