"""A member's page of their group: the others' first names, a message relayed to each of them through the site
(no address shown; limited in length and per day; escaped), sharing addresses only between those who agree,
leaving; a tampered, left or withdrawn link shows a page saying so."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from campaign.introductions import introducing, messaging
from campaign.introductions.models import GroupMessage, Membership
from campaign.introductions.tokens import MEMBER, group_page_url, leave_url
from statements import signing
from tests.html import visible_text
from tests.introductions.test_introducing import three
from tests.statements.visitor import path_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(statement_page, leeds, motion_page, introduce):
    """Ada, Bob and Cath, introduced: {first name: membership}."""
    three(statement_page)
    introduce()
    return {member.first_name: member for member in Membership.objects.select_related("signature", "group")}


def page_of(member):
    return path_of(group_page_url(member))


def write(client, member, body, **headers):
    return client.post(page_of(member), {"action": "message", "body": body, "website": ""}, **headers)


def test_the_group_page_names_the_others_by_first_name(client, group):
    response = client.get(page_of(group["Ada"]))
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    text = visible_text(response)
    assert "Supporters in Leeds Central and Headingley" in text
    assert "You are Ada; with you in this group are Bob and Cath." in text
    for private in ("Crow", "Kidston", "bob@example.org"):
        assert private not in text
    assert "Download the motion (Word)" in text


def test_a_message_reaches_each_other_member_without_addresses(client, group):
    mail.outbox.clear()
    response = write(client, group["Ada"], "Shall we meet at the Brudenell on Tuesday?")
    assert response.status_code == 302
    assert "Your message is on its way" in visible_text(client.get(response["Location"]))
    assert sorted(message.to[0] for message in mail.outbox) == ["bob@example.org", "cath@example.org"]
    for message in mail.outbox:
        assert message.subject == "Ada wrote to your group in Leeds Central and Headingley"
        assert "Shall we meet at the Brudenell on Tuesday?" in message.body
        assert "ada@example.org" not in message.body and "ada@example.org" not in message.alternatives[0][0]
        assert message.reply_to == []
        assert "List-Unsubscribe" in message.extra_headers
    logged = GroupMessage.objects.get()
    assert (logged.sender, logged.recipients) == (group["Ada"], 2)


def test_a_message_is_escaped_in_the_email_and_on_the_page(client, group):
    mail.outbox.clear()
    write(client, group["Ada"], '<script>alert("x")</script> <b>bold</b>')
    html = mail.outbox[0].alternatives[0][0]
    assert "<script>" not in html and "&lt;script&gt;" in html
    page = client.get(page_of(group["Bob"])).content.decode()
    assert "<script>alert" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page


def test_a_message_over_the_limit_is_refused(client, group):
    response = write(client, group["Ada"], "x" * (messaging.MOST_CHARACTERS + 1))
    assert response.status_code == 200
    assert "Please keep it to 2,000 characters or fewer (it has 2001)." in visible_text(response)
    empty = write(client, group["Ada"], "   ")
    assert "Write the message you want to send." in visible_text(empty)
    assert not GroupMessage.objects.exists()


def test_a_member_may_write_three_messages_a_day(client, group):
    for number in range(messaging.MESSAGES_PER_MEMBER):
        assert write(client, group["Ada"], f"Message {number}").status_code == 302
    refused = write(client, group["Ada"], "One too many")
    assert "Nothing was sent." in visible_text(refused)
    assert GroupMessage.objects.count() == messaging.MESSAGES_PER_MEMBER
    assert write(client, group["Bob"], "Bob may still write").status_code == 302


def test_the_honeypot_and_a_cross_site_post_are_refused(client, group):
    trap = client.post(page_of(group["Ada"]), {"action": "message", "body": "Hello", "website": "http://spam"})
    assert "Please leave this field empty." in visible_text(trap)
    forged = write(client, group["Ada"], "Hello", HTTP_ORIGIN="https://evil.example", HTTP_SEC_FETCH_SITE="cross-site")
    assert forged.status_code == 403
    assert not GroupMessage.objects.exists()


def test_addresses_show_only_between_members_who_both_share(client, group):
    ada, bob = group["Ada"], group["Bob"]
    client.post(page_of(ada), {"action": "share", "share": "on"})
    assert "bob@example.org" not in visible_text(client.get(page_of(ada)))  # Bob has not agreed
    assert "ada@example.org" not in visible_text(client.get(page_of(bob)))  # nor does Bob see Ada's
    client.post(page_of(bob), {"action": "share", "share": "on"})
    assert "Bob: bob@example.org" in visible_text(client.get(page_of(ada)))
    assert "Ada: ada@example.org" in visible_text(client.get(page_of(bob)))
    assert "cath@example.org" not in visible_text(client.get(page_of(ada)))
    client.post(page_of(ada), {"action": "share"})  # unticked
    assert "ada@example.org" not in visible_text(client.get(page_of(bob)))


def test_a_tampered_link_shows_a_page_saying_so(client, group):
    token = MEMBER.make(group["Ada"])
    for bad in (token[:-2] + "xx", token[:10], "nonsense"):
        response = client.get(f"/introductions/group/{bad}/")
        assert response.status_code == 400
        assert "This link does not work" in visible_text(response)


def test_after_leaving_or_withdrawing_the_link_names_nothing(client, group):
    ada, bob = group["Ada"], group["Bob"]
    address = leave_url(ada)
    assert "Leave your group in Leeds Central and Headingley?" in visible_text(client.get(path_of(address)))
    left = client.post(path_of(address), {"List-Unsubscribe": "One-Click"})  # a mail program's one click
    assert "You have left the group" in visible_text(left)
    assert client.get(page_of(ada)).status_code == 400
    assert "with you in this group are Cath." in visible_text(client.get(page_of(bob)))
    signing.withdraw(bob.signature)
    assert client.get(page_of(bob)).status_code == 400


def test_the_introductions_link_opens_the_members_page(client, group):
    """The fixture's run left the introductions in the outbox: each one's link is its reader's own page."""
    cath_email = next(message for message in mail.outbox if message.to == ["cath@example.org"])
    (link,) = re.findall(r"https?://\S+/introductions/group/\S+/", cath_email.body)
    assert "You are Cath; with you in this group are Ada and Bob." in visible_text(client.get(path_of(link)))


def test_someone_who_left_a_group_is_not_put_back_by_ticking_again(client, group):
    """Leaving by the group's own link may be leaving someone: "introduce me" again reopens only other groups."""
    ada = group["Ada"]
    client.post(path_of(leave_url(ada)))
    introducing.ask("ada@example.org")

    ada.refresh_from_db()
    assert ada.withdrawn_at is not None and ada.left_group
    assert client.get(page_of(ada)).status_code == 400


def test_a_newcomer_sees_only_the_messages_sent_since_they_joined(client, group):
    ada, bob = group["Ada"], group["Bob"]
    GroupMessage.objects.create(group=ada.group, sender=ada, body="Before Bob came")
    Membership.objects.filter(pk=bob.pk).update(joined_at=timezone.now() + timedelta(minutes=1))

    assert "Before Bob came" in visible_text(client.get(page_of(ada)))
    assert "Before Bob came" not in visible_text(client.get(page_of(bob)))
