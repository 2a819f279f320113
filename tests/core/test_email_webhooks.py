"""The provider's tracking webhook: only the configured provider's, only authenticated, never a 500 for garbage.

A post to it can stop updates to any address (a spam complaint), so a
stranger's post must change nothing. Each provider's events are posted as the
provider sends them, through anymail's own views.
"""

import base64
import hashlib
import hmac
import json

import pytest
from django.test import Client

from core.subscriptions.models import Subscriber
from core.subscriptions.webhook_providers import PROVIDERS
from core.subscriptions.webhooks import TRACKING_VIEWS

pytestmark = pytest.mark.django_db

ROSA = "rosa@example.org"
SECRET = "hook:a-long-random-password"
SIGNING_KEY = "mailgun-webhook-signing-key-0123456789"
SECRETS = {"WEBHOOK_SECRET": SECRET, "MAILGUN_WEBHOOK_SIGNING_KEY": SIGNING_KEY}


def secrets_of(provider):
    """Mailgun signs its posts (with WEBHOOK_SECRET set too, anymail would also want basic auth); the others use it."""
    return {"MAILGUN_WEBHOOK_SIGNING_KEY": SIGNING_KEY} if provider == "mailgun" else {"WEBHOOK_SECRET": SECRET}


def basic_auth(secret):
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(secret.encode()).decode()}


def mailgun_signed(payload, key):
    timestamp, token = "1796205600", "a-random-token-from-mailgun-0123456789"
    signature = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return {**payload, "signature": {"timestamp": timestamp, "token": token, "signature": signature}}


def sns(message, message_id="sns-message-1"):
    """Amazon SNS's envelope around an SES notification (its headers repeat the type and id)."""
    body = {
        "Type": "Notification",
        "MessageId": message_id,
        "TopicArn": "arn:aws:sns:eu-west-2:123456789012:ses-events",
        "Message": message if isinstance(message, str) else json.dumps(message),
        "Timestamp": "2026-12-02T10:00:00.000Z",
    }
    return body, {"HTTP_X_AMZ_SNS_MESSAGE_TYPE": "Notification", "HTTP_X_AMZ_SNS_MESSAGE_ID": message_id}


def complaint(provider, email=ROSA):
    """A spam complaint about `email`, as `provider` posts it (before authentication)."""
    return {
        "postmark": {
            "RecordType": "SpamComplaint",
            "Type": "SpamComplaint",
            "TypeCode": 512,
            "Email": email,
            "BouncedAt": "2026-12-02T10:00:00Z",
            "MessageID": "00000000-0000-0000-0000-000000000000",
        },
        "brevo": {"event": "spam", "email": email, "message-id": "<m1@example.org>", "ts_epoch": 1796205600000},
        "sendgrid": [
            {"event": "spamreport", "email": email, "timestamp": 1796205600, "sg_event_id": "e1", "sg_message_id": "m1"}
        ],
        "mailgun": {
            "event-data": {
                "event": "complained",
                "recipient": email,
                "timestamp": 1796205600.0,
                "id": "event-1",
                "message": {"headers": {"message-id": "m1@example.org"}},
            }
        },
        "amazon_ses": {
            "notificationType": "Complaint",
            "complaint": {"complainedRecipients": [{"emailAddress": email}], "feedbackId": "f1"},
            "mail": {"messageId": "m1", "destination": [email], "headers": []},
        },
    }[provider]


def post(client, provider, payload, auth="right"):
    """POST `payload` to the provider's tracking URL, authenticated rightly, wrongly or not at all."""
    headers = {}
    if provider == "mailgun":
        if auth != "none" and isinstance(payload, dict):
            payload = mailgun_signed(payload, SIGNING_KEY if auth == "right" else "a-guessed-key")
    else:
        if auth != "none":
            headers.update(basic_auth(SECRET if auth == "right" else "hook:guessed"))
        if provider == "amazon_ses" and not isinstance(payload, bytes):
            payload, sns_headers = sns(payload)
            headers.update(sns_headers)
    body = payload if isinstance(payload, bytes) else json.dumps(payload)
    return client.post(f"/anymail/{provider}/tracking/", data=body, content_type="application/json", **headers)


@pytest.fixture
def rosa():
    return Subscriber.objects.create(email=ROSA, status=Subscriber.Status.SUBSCRIBED)


@pytest.fixture
def client():
    """A 500 is answered, not raised, as the provider would see it."""
    return Client(raise_request_exception=False)


def use(settings, provider, **anymail):
    settings.EMAIL_BACKEND = f"anymail.backends.{provider}.EmailBackend"
    settings.ANYMAIL = anymail


def receiving(subscriber):
    subscriber.refresh_from_db()
    return subscriber.is_receiving


def test_every_provider_in_the_table_has_its_view():
    assert sorted(provider.name for provider in PROVIDERS.values()) == sorted(TRACKING_VIEWS)


@pytest.mark.parametrize("provider", sorted(TRACKING_VIEWS))
def test_an_authenticated_complaint_stops_updates(client, settings, rosa, provider):
    use(settings, provider, **secrets_of(provider))
    response = post(client, provider, complaint(provider))
    assert response.status_code == 200, response.content
    rosa.refresh_from_db()
    assert rosa.status == Subscriber.Status.COMPLAINED


@pytest.mark.parametrize("auth", ["none", "wrong"])
@pytest.mark.parametrize("provider", sorted(TRACKING_VIEWS))
def test_an_unsigned_or_wrongly_signed_complaint_changes_nothing(client, settings, rosa, provider, auth):
    use(settings, provider, **secrets_of(provider))
    response = post(client, provider, complaint(provider), auth=auth)
    assert response.status_code in (400, 401), response.status_code
    assert receiving(rosa)


@pytest.mark.parametrize("provider", sorted(TRACKING_VIEWS))
def test_without_its_secret_the_webhook_is_not_served(client, settings, rosa, provider):
    """Development and a half-configured server alike: no secret, no webhook (production will not even start)."""
    use(settings, provider)
    response = post(client, provider, complaint(provider), auth="none")
    assert response.status_code == 404
    assert receiving(rosa)


def test_only_the_configured_providers_webhook_is_served(client, settings, rosa):
    """The others' URLs are 404 even to a post that their own view would take (the secret is shared)."""
    use(settings, "postmark", **SECRETS)
    for provider in ("brevo", "sendgrid", "amazon_ses", "mailgun"):
        assert post(client, provider, complaint(provider)).status_code == 404, provider
    assert client.post("/anymail/mailjet/tracking/", data="[]", content_type="application/json").status_code == 404
    assert client.post("/anymail/postmark/inbound/", data="{}", content_type="application/json").status_code == 404
    assert receiving(rosa)


def test_with_an_email_backend_of_no_provider_no_webhook_is_served(client, settings, rosa):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    settings.ANYMAIL = SECRETS
    assert post(client, "postmark", complaint("postmark")).status_code == 404
    assert receiving(rosa)


GARBAGE = [b"garbage", b"", b"null", b'"text"', b"[]", b"{}", b"[1]", b"\xff\xfe"]
MALFORMED = {
    "postmark": [*GARBAGE, {"RecordType": "SpamComplaint"}, {"RecordType": 5, "Email": ["x"]}],
    "brevo": [*GARBAGE, {"event": "spam"}, {"event": "spam", "email": {"a": 1}}, {"items": []}],
    "sendgrid": [*GARBAGE, [{"email": ROSA}], [{"event": "spamreport"}], {"event": "spamreport", "email": ROSA}],
    "mailgun": [{}, {"event-data": "x"}, {"event-data": []}, {"event-data": {"event": "complained"}}],
    "amazon_ses": [
        b"garbage",
        "not json",
        [],
        {"notificationType": "Complaint"},
        {"notificationType": "Complaint", "complaint": {"complainedRecipients": [{}]}},
        {"notificationType": "Received"},
    ],
}


@pytest.mark.parametrize(
    "provider, body",
    [(provider, body) for provider, bodies in MALFORMED.items() for body in bodies],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_a_malformed_body_with_valid_authentication_is_a_400_and_changes_nothing(
    client, settings, rosa, provider, body
):
    """A provider retries a 500 for days; a 400 tells it the post is bad. Nothing is stopped."""
    use(settings, provider, **secrets_of(provider))
    response = post(client, provider, body)
    assert response.status_code == 400, (response.status_code, body)
    assert receiving(rosa)
    assert Subscriber.objects.count() == 1
