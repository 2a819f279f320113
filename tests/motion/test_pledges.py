"""Delegates' pledges: one per person per conference still to come, confirmed by email, verified by an
organiser, tallied by delegation weighted by affiliated membership; notices in conference week to those who agreed."""

import re

import pytest
from django.core import mail
from django.db import IntegrityError

from campaign.motion import checking, notices
from campaign.motion.models import DelegatePledge, NoticeDelivery
from campaign.motion.personal_data import describe, erase
from tests.html import visible_text
from tests.motion.factories import (
    AffiliatedBodyFactory,
    ConferenceFactory,
    DelegatePledgeFactory,
    days,
)
from tests.motion.test_tracker import button_form
from tests.statements.visitor import path_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def unite(db):
    return AffiliatedBodyFactory(name="Unite", affiliated_membership=123_456)


def pledge_data(at_conference, delegation, **changes):
    data = {
        "conference": str(at_conference.pk),
        "delegate_name": "Jo Bloggs",
        "body": str(delegation.pk),
        "email": "jo@example.org",
        "notices": "on",
        "website": "",
    }
    return data | changes


def test_a_pledge_is_confirmed_verified_and_counted_on_the_board(client, motion_page, conference, unite, organiser):
    response = client.post("/motion/pathway/pledge/", pledge_data(conference, unite))
    assert response.status_code == 302
    assert "Check your inbox" in visible_text(client.get(response["Location"]))
    (link,) = re.findall(r"https?://\S+/pathway/confirm/pledge/\S+", mail.outbox[-1].body)
    action, fields = button_form(client.get(path_of(link)))
    client.post(action, fields)
    pledge = DelegatePledge.objects.get()
    assert pledge.email_confirmed_at is not None
    assert mail.outbox[-1].subject == "Delegate's pledge to verify: Jo Bloggs (Unite)"
    board = f"/motion/conferences/{conference.slug}/"
    assert "Delegates pledged: none checked yet" in visible_text(client.get(board))

    client.force_login(organiser)
    client.post("/admin/motion/pathway/verify/pledges/", {"records": [pledge.pk], "verification": "phone"})
    client.logout()
    text = visible_text(client.get(board))
    assert "Delegates pledged: 1 delegation, about 120,000 affiliated members" in text
    assert "Jo Bloggs" not in text  # names are never shown


def test_a_second_pledge_by_the_same_person_for_the_same_conference_is_refused(client, motion_page, conference, unite):
    DelegatePledgeFactory(conference=conference, body=unite, email="jo@example.org")

    response = client.post("/motion/pathway/pledge/", pledge_data(conference, unite, email=" JO@example.org"))

    assert "This address has already pledged for Labour Party Conference 2027: one pledge per delegate." in (
        visible_text(response)
    )
    assert DelegatePledge.objects.count() == 1
    with pytest.raises(IntegrityError):  # and the database says so too, should two arrive at once
        DelegatePledgeFactory(conference=conference, body=unite, email="Jo@Example.org")


def test_the_same_person_may_pledge_for_another_conference(client, motion_page, conference, unite):
    DelegatePledgeFactory(conference=conference, body=unite, email="jo@example.org")
    tuc = ConferenceFactory(name="TUC Congress 2027")
    assert client.post("/motion/pathway/pledge/", pledge_data(tuc, unite)).status_code == 302


def test_a_pledge_for_a_conference_that_has_happened_is_refused(client, motion_page, unite):
    past = ConferenceFactory(
        name="Labour Party Conference 2025",
        starts_on=days(-30),
        ends_on=days(-27),
        motions_deadline=days(-60),
        amendments_deadline=days(-40),
    )
    assert "Labour Party Conference 2025" not in client.get("/motion/pathway/pledge/").content.decode()

    response = client.post("/motion/pathway/pledge/", pledge_data(past, unite))

    assert (
        f"Labour Party Conference 2025 has already happened (it ended on {days(-27):%-d %B %Y}): "
        "pledges are for conferences still to come." in visible_text(response)
    )
    assert not DelegatePledge.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"delegate_name": ""}, "Please give your name."),
        ({"body": ""}, "Please choose your delegation."),
        ({"email": "not an address"}, "Enter a valid email address."),
        ({"delegate_name": "Jo\x07"}, ""),
    ],
)
def test_bad_pledges_get_a_clear_message(client, motion_page, conference, unite, changes, message):
    response = client.post("/motion/pathway/pledge/", pledge_data(conference, unite, **changes))
    assert response.status_code == 200
    assert message in visible_text(response)
    assert not DelegatePledge.objects.exists()


def test_tallies_count_each_delegation_once_weighted_by_its_membership(client, motion_page, conference):
    bodies = [AffiliatedBodyFactory(affiliated_membership=members) for members in (900_000, 1_100_000, 60_000)]
    for body in bodies:
        DelegatePledgeFactory(conference=conference, body=body)
    DelegatePledgeFactory(conference=conference, body=bodies[0])  # a second delegate of the same delegation
    DelegatePledgeFactory(conference=conference, verified_at=None)  # not checked yet
    text = visible_text(client.get(f"/motion/conferences/{conference.slug}/"))
    assert "Delegates pledged: 3 delegations, about 2,100,000 affiliated members" in text
    assert "Delegates pledged: 3 delegations, about 2,100,000 affiliated members" in visible_text(
        client.get("/motion/")
    )


def in_conference_week():
    return ConferenceFactory(
        name="Labour Party Conference 2026",
        starts_on=days(3),
        ends_on=days(6),
        motions_deadline=days(-30),
        amendments_deadline=days(-10),
    )


def test_a_notice_in_conference_week_reaches_only_delegates_who_agreed_once_each(client, motion_page, organiser):
    conference = in_conference_week()
    agreed = DelegatePledgeFactory(conference=conference, delegate_name="Agreed Delegate")
    DelegatePledgeFactory(conference=conference, notices=False)
    DelegatePledgeFactory(conference=conference, verified_at=None)
    DelegatePledgeFactory(notices=True)  # another conference's
    client.force_login(organiser)
    mail.outbox.clear()

    data = {"conference": conference.pk, "message": "Composite 4 is taken at 2.30 pm today."}
    counted = client.post("/admin/motion/pathway/notice/", data)
    assert "This notice goes to 1 delegate." in visible_text(counted)
    assert mail.outbox == []
    client.post("/admin/motion/pathway/notice/", data | {"confirmed": "1"})

    (message,) = mail.outbox
    assert message.to == [agreed.email]
    assert message.subject == "Labour Party Conference 2026: news of the motion"
    assert "Dear Agreed Delegate" in message.body and "Composite 4 is taken at 2.30 pm today." in message.body
    assert NoticeDelivery.objects.count() == 1

    (stop,) = re.findall(r"https?://\S+/pathway/stop/notices/\S+", message.body)
    client.logout()
    action, fields = button_form(client.get(path_of(stop)))
    assert "We will send you no more notices during conference week." in visible_text(client.post(action, fields))
    assert list(notices.recipients(conference)) == []


def test_no_notice_outside_conference_week(organiser):
    conference = ConferenceFactory()
    DelegatePledgeFactory(conference=conference)
    with pytest.raises(notices.NotConferenceWeek):
        notices.send_notice(conference, "Too early", organiser)


def test_a_notice_queued_before_a_stop_is_not_sent(django_capture_on_commit_callbacks, organiser):
    conference = in_conference_week()
    pledge = DelegatePledgeFactory(conference=conference)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notices.send_notice(conference, "Composite 4 at 2.30", organiser)
    notices.stop_notices(pledge)
    for callback in callbacks:
        callback()
    assert mail.outbox == []


def test_a_delegates_data_shows_and_erases_their_pledge(conference, unite):
    pledge = DelegatePledgeFactory(conference=conference, body=unite, email="jo@example.org")
    (holding,) = describe("jo@example.org")
    assert holding.heading == "Your pledge to support the motion at Labour Party Conference 2027"
    erase("jo@example.org")
    assert not DelegatePledge.objects.filter(pk=pledge.pk).exists()


def test_verifying_pledges_needs_the_permission(client, conference, editor, organiser):
    pledge = DelegatePledgeFactory(conference=conference, verified_at=None)
    client.force_login(editor)
    client.post("/admin/motion/pathway/verify/pledges/", {"records": [pledge.pk], "verification": "phone"})
    pledge.refresh_from_db()
    assert pledge.verified_at is None
    done, _ = checking.verify(DelegatePledge.objects.filter(pk=pledge.pk), organiser, "phone")
    assert done == 1
