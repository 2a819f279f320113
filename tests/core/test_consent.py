"""Consent to updates that stands up: asked separately, proven by the address, recorded with its words."""

import base64
import json
import re
from datetime import timedelta

import pytest
from anymail.signals import AnymailTrackingEvent, tracking
from django.core import mail
from django.utils import timezone

from core.subscriptions import wording
from core.subscriptions.models import Consent, Subscriber
from core.subscriptions.tokens import person_token
from core.tasks import purge_unconfirmed_consents
from statements.models import Signature
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import confirm, link_in, path_of, sign

pytestmark = pytest.mark.django_db


def report(event_type, recipient):
    """What anymail sends when a provider's webhook reports on a message."""
    event = AnymailTrackingEvent(event_type=event_type, recipient=recipient)
    tracking.send(sender=object, event=event, esp_name="Test")


def your_data_link(message):
    return path_of(re.search(r"https?://\S+/your-data/\?token=\S+", message.body).group(0))


def test_the_updates_box_is_separate_and_unticked(client, statement_page, site_settings):
    html = client.get(statement_page.url).content.decode()
    box = re.search(r'<input type="checkbox" name="keep_informed"[^>]*>', html).group(0)
    assert "checked" not in box
    assert wording.text_of(wording.CURRENT) in html


def test_consent_counts_only_once_the_signature_is_confirmed(client, statement_page, site_settings):
    sign(client, statement_page, keep_informed="on")
    assert not Subscriber.objects.receiving().exists()  # anyone may type anyone's address
    message = mail.outbox[0]
    assert wording.text_of(wording.CURRENT) in message.body  # the confirmation email repeats it

    confirm(client, link_in(message, "confirm"))

    subscriber = Subscriber.objects.receiving().get()
    assert subscriber.email == "rosa@example.org"
    consent = Consent.objects.get()
    assert consent.wording_version == wording.CURRENT
    assert consent.form == f"the signing form of “{statement_page.title}”"
    assert consent.given_at == Signature.objects.get().created_at
    assert consent.confirmed_at is not None


def test_an_address_that_had_stopped_updates_receives_them_again_after_a_new_confirmed_yes(
    client, statement_page, site_settings
):
    long_ago = timezone.now() - timedelta(days=400)
    Subscriber.objects.create(
        email="rosa@example.org", status=Subscriber.Status.UNSUBSCRIBED, created_at=long_ago, stopped_at=long_ago
    )
    sign(client, statement_page, email="Rosa@Example.org", keep_informed="on")

    confirm(client, link_in(mail.outbox[0], "confirm"))

    subscriber = Subscriber.objects.get()  # the same row, not a second one
    assert (subscriber.status, subscriber.stopped_at, subscriber.created_at) == (
        Subscriber.Status.SUBSCRIBED,
        None,
        long_ago,
    )
    assert subscriber.consents.get().confirmed_at is not None


def test_signing_without_the_box_subscribes_no_one(client, statement_page, site_settings):
    sign(client, statement_page)
    assert "updates" not in mail.outbox[0].body.split("To withdraw")[0]
    confirm(client, link_in(mail.outbox[0], "confirm"))
    assert not Subscriber.objects.exists()


def test_your_data_page_shows_what_is_held_and_stops_updates(client, statement_page, site_settings):
    sign(client, statement_page, keep_informed="on")
    confirm(client, link_in(mail.outbox[0], "confirm"))
    link = your_data_link(mail.outbox[0])

    page = client.get(link).content.decode()
    assert "rosa@example.org" in page and "Rosa Example" in page and wording.text_of(wording.CURRENT) in page
    assert "Receiving updates" in page

    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    page = client.post("/your-data/", {"token": token, "action": "stop"}).content.decode()
    assert "no more campaign updates" in page
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED
    assert Signature.objects.confirmed().count() == 1  # the signature still counts


def test_withdrawing_entirely_deletes_signature_and_subscription(client, statement_page, site_settings):
    sign(client, statement_page, keep_informed="on")
    confirm(client, link_in(mail.outbox[0], "confirm"))
    token = person_token("rosa@example.org")

    response = client.post("/your-data/", {"token": token, "action": "erase"})

    assert "Your details are deleted" in response.content.decode()
    assert not Signature.objects.exists() and not Subscriber.objects.exists() and not Consent.objects.exists()
    assert statement_page.counts()["total"] == 0


def test_a_tampered_link_gets_a_clear_page_and_changes_nothing(client, site_settings):
    SignatureFactory(email="rosa@example.org")
    token = person_token("rosa@example.org")
    for url in ("/your-data/", "/your-data/unsubscribe/"):
        response = client.post(url, {"token": token[:-2] + "xx", "action": "erase"})
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert Signature.objects.count() == 1


def test_one_click_unsubscribe_needs_no_cookie_or_csrf_token(client, site_settings):
    Subscriber.objects.create(email="rosa@example.org", status=Subscriber.Status.SUBSCRIBED)
    client.handler.enforce_csrf_checks = True
    response = client.post(
        f"/your-data/unsubscribe/?token={person_token('Rosa@example.org')}", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_opening_the_unsubscribe_link_only_asks(client, site_settings):
    Subscriber.objects.create(email="rosa@example.org", status=Subscriber.Status.SUBSCRIBED)
    response = client.get(f"/your-data/unsubscribe/?token={person_token('rosa@example.org')}")
    assert "Stop campaign updates" in response.content.decode()
    assert Subscriber.objects.get().is_receiving


@pytest.mark.parametrize(
    ("event_type", "status"),
    [("bounced", Subscriber.Status.BOUNCED), ("complained", Subscriber.Status.COMPLAINED)],
)
def test_bounces_and_complaints_stop_updates(event_type, status):
    Subscriber.objects.create(email="rosa@example.org", status=Subscriber.Status.SUBSCRIBED)
    report(event_type, "Rosa@Example.org")
    assert Subscriber.objects.get().status == status


def test_a_soft_bounce_or_a_stranger_changes_nothing():
    Subscriber.objects.create(email="rosa@example.org", status=Subscriber.Status.SUBSCRIBED)
    report("deferred", "rosa@example.org")
    report("bounced", "x@example.org")
    assert Subscriber.objects.get().is_receiving
    assert Subscriber.objects.count() == 1


def test_a_bounce_through_the_providers_webhook_stops_updates(client, settings):
    """Postmark's tracking webhook, as the provider posts it, through anymail's own view."""
    settings.EMAIL_BACKEND = "anymail.backends.postmark.EmailBackend"  # only the chosen provider's webhook is served
    settings.ANYMAIL = {**settings.ANYMAIL, "WEBHOOK_SECRET": "hook:secret"}
    Subscriber.objects.create(email="rosa@example.org", status=Subscriber.Status.SUBSCRIBED)
    bounce = {
        "RecordType": "Bounce",
        "Type": "HardBounce",
        "TypeCode": 1,
        "Email": "rosa@example.org",
        "BouncedAt": "2026-12-02T10:00:00Z",
        "MessageID": "00000000-0000-0000-0000-000000000000",
    }
    response = client.post(
        "/anymail/postmark/tracking/",
        data=json.dumps(bounce),
        content_type="application/json",
        HTTP_AUTHORIZATION="Basic " + base64.b64encode(b"hook:secret").decode(),
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.BOUNCED


def test_the_nightly_job_forgets_consents_never_confirmed():
    old, recent, proven = (
        Subscriber.objects.create(email=f"{name}@example.org") for name in ("old", "recent", "proven")
    )
    long_ago = timezone.now() - timedelta(days=31)
    Consent.objects.create(subscriber=old, form="a form", wording_version=wording.CURRENT, given_at=long_ago)
    Consent.objects.create(subscriber=recent, form="a form", wording_version=wording.CURRENT)
    Subscriber.objects.filter(pk=proven.pk).update(status=Subscriber.Status.SUBSCRIBED)
    Consent.objects.create(
        subscriber=proven, form="a form", wording_version=wording.CURRENT, given_at=long_ago, confirmed_at=long_ago
    )

    purge_unconfirmed_consents.call()

    assert sorted(Subscriber.objects.values_list("email", flat=True)) == ["proven@example.org", "recent@example.org"]
    assert Consent.objects.count() == 2
