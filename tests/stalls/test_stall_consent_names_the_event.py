"""A consent given at a stall names the event, never the code (which opens the stall); it goes with its signature.

Before, the signer was emailed "…on stall: Leeds market stall (ABCD-EFGH)",
and the same text was on their "your data" page.
"""

import re
import uuid

import pytest
from django.core import mail

from core.subscriptions.models import Consent, Subscriber

from .test_signing_at_a_stall import open_stall

pytestmark = pytest.mark.django_db

ROSA = "rosa@example.org"


def sign_with_updates(client, stall):
    open_stall(client, stall)
    data = {"stall": stall.pk, "name": "Rosa Parks", "entry": str(uuid.uuid4()), "email": ROSA, "keep_informed": "on"}
    client.post("/stall/signatures/", data)


def emailed(subject_start):
    return next(message for message in mail.outbox if message.subject.startswith(subject_start))


def path_in(message, word):
    return re.search(rf"https?://testserver(/\S*{word}/\?token=\S+)", message.body).group(1)


def test_the_consent_email_and_your_data_page_name_the_event_not_the_code(client, stall):
    sign_with_updates(client, stall)

    ask = emailed("Please confirm: campaign updates")
    your_data = client.get(path_in(ask, "your-data")).content.decode()

    for text in (ask.body, ask.alternatives[0][0], your_data):
        assert "Leeds market stall" in text
        assert stall.code not in text and stall.display_code not in text
    assert stall.code not in Consent.objects.get().form


def test_withdrawing_a_stall_signature_takes_the_consent_given_with_it(client, stall):
    sign_with_updates(client, stall)
    assert Consent.objects.filter(subscriber__email=ROSA).exists()

    done = client.post(path_in(emailed("Thank you for signing"), "withdraw"))

    assert done.status_code == 200
    assert not Consent.objects.exists() and not Subscriber.objects.exists()
