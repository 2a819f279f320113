"""A host messages everyone coming: held for an organiser unless the host is trusted, a few a day (London
days), each person one copy with the site's frame and their own one-click stop link, never twice."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from campaign.events.models import Rsvp
from campaign.hosts import messaging
from campaign.hosts.models import HostAction, HostMessage, HostMessageDelivery
from core.subscriptions.models import Subscriber

from .factories import HostFactory, coming, emails_to, page_of

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def people(event):
    return [coming(event, "Ada Lovelace", "ada@example.org"), coming(event, "Bob Jones", "bob@example.org")]


def write(client, host, subject="The room has changed", body="We are in room 2 now.\nSee you there."):
    return client.post(page_of(host) + "message/", {"subject": subject, "body": body})


def messages_to_people():
    return [message for message in mail.outbox if "hosts-message" in message.tags]


def test_a_message_is_held_and_an_organiser_sees_exactly_what_will_be_sent(client, admin_client, host, people):
    response = write(client, host)
    assert response.status_code == 302
    assert "An organiser will check your message" in client.get(response["Location"]).content.decode()
    message = HostMessage.objects.get()
    assert message.status == HostMessage.Status.HELD
    assert messages_to_people() == []
    [alert] = emails_to("info@example.org")
    assert f"/admin/hosts/messages/{message.pk}/review/" in alert.body
    assert HostAction.objects.filter(kind=HostAction.Kind.MESSAGE_HELD).count() == 1

    html = admin_client.get(f"/admin/hosts/messages/{message.pk}/review/").content.decode()
    assert "The room has changed (Leeds street stall)" in html
    assert "We are in room 2 now." in html
    assert "Approve and send to 2 people" in html
    assert "ada@example.org" not in html and "Ada" not in html  # nobody's own copy, nobody's working links


def test_an_approved_message_goes_once_to_each_person_with_the_sites_frame(client, admin_client, host, people):
    write(client, host)
    message = HostMessage.objects.get()
    review = f"/admin/hosts/messages/{message.pk}/review/"
    admin_client.post(review, {"action": "approve"})

    sent = messages_to_people()
    assert sorted(email.to[0] for email in sent) == ["ada@example.org", "bob@example.org"]
    email = sent[0]
    assert email.subject == "The room has changed (Leeds street stall)"
    assert "A message from Sam Host, who is hosting Leeds street stall" in email.body
    assert "We are in room 2 now." in email.body
    assert "/rsvp/cancel/?token=" in email.body and "/your-data/?token=" in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/host/stop-messages/?token=" in email.extra_headers["List-Unsubscribe"]
    message.refresh_from_db()
    assert (message.status, message.recipients) == (HostMessage.Status.SENT, 2)

    mail.outbox.clear()
    admin_client.post(review, {"action": "approve"})  # a second press
    HostMessage.objects.filter(pk=message.pk).update(status=HostMessage.Status.SENDING)
    messaging.start_sending(message)  # the rows written again, as a retried approval would
    messaging.send_host_message.call(message.pk)  # and the task run again
    assert messages_to_people() == []
    assert HostMessageDelivery.objects.filter(status=HostMessageDelivery.Status.SENT).count() == 2


def test_a_trusted_host_sends_at_once(client, host, people):
    host.trusted = True
    host.save()
    response = write(client, host)
    assert response["Location"].endswith("?done=sent")
    assert len(messages_to_people()) == 2
    assert HostMessage.objects.get().decided_by is None
    assert HostAction.objects.filter(kind=HostAction.Kind.MESSAGE_SENT).count() == 1


def test_a_refused_message_is_never_sent_and_its_host_is_told_why(client, admin_client, host, people):
    write(client, host)
    message = HostMessage.objects.get()
    mail.outbox.clear()
    admin_client.post(f"/admin/hosts/messages/{message.pk}/review/", {"action": "refuse", "reason": "Too long."})
    admin_client.post(f"/admin/hosts/messages/{message.pk}/review/", {"action": "approve"})
    assert messages_to_people() == []
    [told] = mail.outbox
    assert told.to == ["sam@example.org"] and "Their reason: Too long." in told.body
    assert HostMessage.objects.get().status == HostMessage.Status.REFUSED


@pytest.mark.clock
def test_over_the_daily_limit_nothing_is_saved_and_the_host_is_told_politely(client, host, people, settings):
    settings.HOST_MESSAGES_PER_DAY = 2
    with time_machine.travel(datetime(2026, 12, 7, 0, 5, tzinfo=LONDON), tick=False):
        write(client, host, subject="One")
    with time_machine.travel(datetime(2026, 12, 7, 23, 30, tzinfo=LONDON), tick=False):
        write(client, host, subject="Two")
        response = write(client, host, subject="Three")
        html = response.content.decode()
        assert response.status_code == 200
        assert "the most for one day. Nothing was sent." in html
        assert "We are in room 2 now." in html  # what they typed is kept
    assert HostMessage.objects.count() == 2
    with time_machine.travel(datetime(2026, 12, 8, 0, 1, tzinfo=LONDON), tick=False):  # a new day in London
        assert write(client, host, subject="Three").status_code == 302
    assert HostMessage.objects.count() == 3


def test_co_hosts_share_the_daily_limit(client, host, event, settings):
    settings.HOST_MESSAGES_PER_DAY = 1
    co_host = HostFactory(event=event, invited_by=host)
    write(client, host)
    assert write(client, co_host).status_code == 200
    assert HostMessage.objects.count() == 1


def test_a_message_form_with_nothing_in_it_says_what_is_missing(client, host):
    response = write(client, host, subject="", body="   ")
    html = response.content.decode()
    assert "There are problems with what you sent" in html
    assert "Subject: Write a few words for the subject." in html
    assert "Message: Write the message you want to send." in html
    assert not HostMessage.objects.exists()


def test_people_who_stopped_emails_or_cancelled_get_no_copy(client, host, event, people):
    Subscriber.objects.create(email="bob@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    carol = coming(event, "Carol", "carol@example.org")  # full: on the waiting list
    assert carol.status == Rsvp.Status.WAITING
    host.trusted = True
    host.save()
    write(client, host)
    assert [email.to for email in messages_to_people()] == [["ada@example.org"]]


def test_the_one_click_link_stops_the_hosts_messages_and_nothing_else(client, host, people):
    host.trusted = True
    host.save()
    write(client, host)
    link = next(email for email in messages_to_people() if email.to == ["ada@example.org"])
    stop = link.extra_headers["List-Unsubscribe"].strip("<>").split("/", 3)[3]
    assert "Stop these messages" in client.get("/" + stop).content.decode()
    assert client.post("/" + stop, {"List-Unsubscribe": "One-Click"}).status_code == 200  # a mail program's POST
    mail.outbox.clear()
    write(client, host, subject="Second")
    assert [email.to for email in messages_to_people()] == [["bob@example.org"]]
    assert Rsvp.objects.get(email="ada@example.org").status == Rsvp.Status.GOING
    assert client.get("/host/stop-messages/?token=nonsense").status_code == 400
