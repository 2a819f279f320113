"""Emailing an update to subscribers: preview, test, count, send once to each, pause, cancel, unsubscribe."""

import re

import pytest
from django.core import mail
from django.db import IntegrityError

from campaign.news import sending
from campaign.news.models import UpdateDelivery, UpdateSend
from core.organisers import ORGANISERS_GROUP
from core.subscriptions.models import Subscriber
from statements.models import Union
from tests.conftest import make_user
from tests.news.factories import UpdateIndexPageFactory, UpdatePageFactory
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db

BODY = [
    ("heading", "What happened"),
    ("paragraph", '<p>We met in <a href="/events/">the hall</a>.</p>'),
    ("quote", {"quote": "Unity is strength.", "attribution": "A member"}),
]


@pytest.fixture
def update(home_page, site_settings):
    news = UpdateIndexPageFactory(parent=home_page)
    page = UpdatePageFactory(parent=news, title="Our big meeting", standfirst="Three hundred came.")
    page.body = BODY
    page.save_revision().publish()
    return page


def subscribe(*emails, status=Subscriber.Status.SUBSCRIBED):
    return [Subscriber.objects.create(email=email, status=status) for email in emails]


def updates_to(address):
    return [m for m in mail.outbox if m.to == [address] and m.subject == "Our big meeting"]


def compose_url(page):
    return f"/admin/news/email/{page.pk}/"


def send_confirmed(client, page, **audience):
    """Press "Send to …", then "Yes, send to …" with the number the confirmation asked about."""
    asked = client.post(compose_url(page), {**audience, "action": "send"}).content.decode()
    recipients = re.search(r'name="recipients" value="(\d+)"', asked).group(1)
    return client.post(compose_url(page), {**audience, "action": "confirm", "recipients": recipients})


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


def test_an_editor_without_the_permission_cannot_send(client, editor, update):
    client.force_login(editor)
    for response in (client.get(compose_url(update)), client.post(compose_url(update), {"action": "send"})):
        assert response.status_code == 302 and response.url == "/admin/"  # Wagtail's "no permission"
    assert not UpdateSend.objects.exists()


def test_compose_shows_the_count_and_a_preview(organiser_client, update):
    subscribe("a@example.org", "b@example.org")
    subscribe("gone@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    html = organiser_client.get(compose_url(update)).content.decode()
    assert re.search(r"<strong>2</strong> subscribers", html)
    assert "Send to 2 subscribers" in html
    assert "Unity is strength." in html and 'class="news-preview"' in html


def test_the_page_header_offers_the_email_screen(client, update):
    client.force_login(make_user("both", groups=["Editors", ORGANISERS_GROUP]))
    assert compose_url(update) in client.get(f"/admin/pages/{update.pk}/edit/").content.decode()


def test_a_test_goes_to_the_editor_only(organiser_client, update):
    subscribe("a@example.org")
    organiser_client.post(compose_url(update), {"action": "test"})
    assert [m.to for m in mail.outbox] == [["organiser@example.org"]]
    assert not UpdateSend.objects.exists()


def test_sending_reaches_each_subscriber_once_with_one_click_unsubscribe(organiser_client, update):
    subscribe("a@example.org", "b@example.org")
    subscribe("stopped@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    subscribe("waiting@example.org", status=Subscriber.Status.PENDING)

    response = send_confirmed(organiser_client, update)

    send = UpdateSend.objects.get()
    assert response.url == f"/admin/news/sends/{send.pk}/"
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    message = updates_to("a@example.org")[0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(r"<(https?://\S+)>", message.extra_headers["List-Unsubscribe"]).group(1)
    assert unsubscribe in message.body  # the visible link is the same one
    assert "http://testserver/events/" in message.alternatives[0][0]  # links made absolute
    send.refresh_from_db()
    assert (send.status, send.total, send.sent, send.failed, send.left) == ("done", 2, 2, 0, 0)
    page = organiser_client.get(response.url).content.decode()
    assert re.search(r"data-sent>2<", page) and re.search(r"data-left>0<", page)

    # The mail program's one-click POST, with no cookie, then the next update reaches only b.
    organiser_client.logout()
    organiser_client.post(unsubscribe.replace("http://testserver", ""), {"List-Unsubscribe": "One-Click"})
    assert Subscriber.objects.get(email="a@example.org").status == Subscriber.Status.UNSUBSCRIBED
    mail.outbox.clear()
    sending.start(update, update.get_latest_revision(), {}, None)
    assert mail.outbox == []  # both had it already: no one gets it twice, even from a second send


def test_a_retried_batch_sends_nothing_twice(update):
    subscribe(*(f"p{n}@example.org" for n in range(5)))
    send = UpdateSend.objects.create(page=update, revision=update.get_latest_revision())
    sending.prepare(send)
    sending.prepare(send)  # a retried task writes no second row
    assert send.deliveries.count() == 5

    claimed = sending.claim(send, 2)
    assert len(claimed) == 2 and len(sending.claim(send, 10)) == 3  # a second worker gets the others
    assert sending.claim(send, 10) == []  # nothing is claimed twice
    assert send.deliveries.filter(status=UpdateDelivery.Status.CLAIMED).count() == 5


def test_batches_follow_the_batch_size_and_stop_when_paused(settings, update):
    settings.UPDATE_BATCH_SIZE = 2
    subscribe(*(f"p{n}@example.org" for n in range(5)))
    send = UpdateSend.objects.create(page=update, revision=update.get_latest_revision())

    assert sending.send_batch(send.pk) is True
    assert len(mail.outbox) == 2
    sending.pause(send)
    assert sending.send_batch(send.pk) is False
    assert len(mail.outbox) == 2
    send.refresh_from_db()
    assert (send.status, send.sent, send.left) == ("paused", 2, 3)

    sending.resume(send)  # queued on commit: run it as the worker would
    sending.send_update.call(send.pk)
    send.refresh_from_db()
    assert (send.status, send.sent, send.left) == ("done", 5, 0)
    assert len(mail.outbox) == 5 and len({m.to[0] for m in mail.outbox}) == 5


def test_cancel_sends_nothing_more(settings, update):
    settings.UPDATE_BATCH_SIZE = 2
    subscribe(*(f"p{n}@example.org" for n in range(5)))
    send = UpdateSend.objects.create(page=update, revision=update.get_latest_revision())
    sending.send_batch(send.pk)
    sending.cancel(send)
    sending.send_update.call(send.pk)
    send.refresh_from_db()
    assert (send.status, send.sent, send.skipped, send.left) == ("cancelled", 2, 3, 0)
    assert len(mail.outbox) == 2


def test_a_second_active_send_of_one_update_is_refused(update):
    UpdateSend.objects.create(page=update, status=UpdateSend.Status.PAUSED)
    with pytest.raises(IntegrityError):
        UpdateSend.objects.create(page=update)


def test_someone_who_stops_or_bounces_mid_send_is_skipped(settings, update):
    settings.UPDATE_BATCH_SIZE = 1
    a, b = subscribe("a@example.org", "b@example.org")
    send = UpdateSend.objects.create(page=update, revision=update.get_latest_revision())
    sending.send_batch(send.pk)
    Subscriber.objects.filter(pk=b.pk).update(status=Subscriber.Status.BOUNCED)
    sending.send_update.call(send.pk)
    send.refresh_from_db()
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert (send.sent, send.skipped, send.status) == (1, 1, "done")


def test_only_organisations_contacts(organiser_client, update):
    statement = SignatureFactory().page
    SignatureFactory(page=statement, organisation_kind=True, email="Branch@example.org")
    SignatureFactory(page=statement, email="person@example.org")
    SignatureFactory(page=statement, organisation_kind=True, unconfirmed=True, email="unproven@example.org")
    subscribe("branch@example.org", "person@example.org", "unproven@example.org")

    html = organiser_client.get(compose_url(update), {"organisations": "on"}).content.decode()
    assert re.search(r"<strong>1</strong> subscriber:", html)
    send_confirmed(organiser_client, update, organisations="on")
    assert [m.to for m in mail.outbox] == [["branch@example.org"]]


def test_a_draft_cannot_be_emailed(organiser_client, update):
    update.unpublish()
    response = organiser_client.get(compose_url(update))
    assert response.status_code == 302
    assert not UpdateSend.objects.exists()


def test_the_published_version_is_sent_not_a_newer_draft(organiser_client, update):
    subscribe("a@example.org")
    draft = update.get_latest_revision_as_object()
    draft.title = "A draft nobody approved"
    draft.save_revision()
    send_confirmed(organiser_client, update)
    assert [m.subject for m in mail.outbox] == ["Our big meeting"]


def test_the_list_of_sends_links_each_progress(organiser_client, update):
    send = UpdateSend.objects.create(page=update, total=3, sent=1, prepared=True)
    html = organiser_client.get("/admin/news/updatesend/").content.decode()
    assert f'href="/admin/news/sends/{send.pk}/"' in html and "Our big meeting" in html


def test_only_chosen_regions_and_unions(organiser_client, update):
    unite = Union.objects.create(name="Unite")
    statement = SignatureFactory(region="wales").page
    SignatureFactory(page=statement, email="leeds@example.org", region="yorkshire")
    SignatureFactory(page=statement, email="cardiff@example.org", region="wales")
    SignatureFactory(
        page=statement,
        organisation_kind=True,
        email="branch@example.org",
        region="london",
        organisation_type="union",
        union=unite,
    )
    subscribe("leeds@example.org", "cardiff@example.org", "branch@example.org")

    html = organiser_client.get(compose_url(update), {"regions": ["wales", "london"]}).content.decode()
    assert re.search(r"<strong>2</strong> subscribers: everyone in Wales, London who asked for updates", html)
    html = organiser_client.get(compose_url(update), {"unions": [str(unite.pk)]}).content.decode()
    assert re.search(r"<strong>1</strong> subscriber: everyone of Unite who asked for updates", html)
    assert f'<input type="hidden" name="unions" value="{unite.pk}">' in html

    send_confirmed(organiser_client, update, regions=["yorkshire"])
    assert [m.to for m in mail.outbox] == [["leeds@example.org"]]
