"""A stall on a statement whose signing has closed: its device says so and takes nothing, by form or by its script.

What the device kept while offline stays on it (the script keeps a batch answered 410), and what the
stall took before the close still counts.
"""

import json
import uuid
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from campaign.stalls.models import InPersonSignature
from statements.models import Signature, StatementPage
from tests.html import visible_text

pytestmark = pytest.mark.django_db

CLOSED = "Signing “Our statement” closed on"


@pytest.fixture
def device(client, stall):
    """The stall's device, opened with its link while signing was open, with one signature taken then."""
    assert client.get("/stall/?" + urlencode({"key": stall.key})).status_code == 302
    taken = client.post("/stall/signatures/", {"stall": stall.pk, "name": "Early Signer", "entry": str(uuid.uuid4())})
    assert taken.status_code == 302
    return client


def close_signing(stall):
    StatementPage.objects.filter(pk=stall.statement_id).update(closes_at=timezone.now() - timedelta(minutes=1))
    stall.refresh_from_db()


def test_the_stall_page_says_signing_has_closed_and_shows_no_form(device, stall):
    close_signing(stall)

    response = device.get("/stall/?" + urlencode({"stall": stall.pk}))

    text = visible_text(response)
    assert CLOSED in text
    assert "People can still sign" not in text
    assert "data-stall-form" not in response.content.decode()


def test_a_signature_sent_without_javascript_after_the_close_is_refused_and_nothing_is_lost(device, stall):
    close_signing(stall)

    response = device.post("/stall/signatures/", {"stall": stall.pk, "name": "Late Signer", "entry": str(uuid.uuid4())})

    assert response.status_code == 410
    assert CLOSED in visible_text(response)
    assert list(Signature.objects.values_list("name", flat=True)) == ["Early Signer"]
    assert stall.statement.counts()["total"] == 1


def test_the_devices_batch_after_the_close_is_refused_whole_and_kept_on_the_device(device, stall):
    close_signing(stall)
    batch = {"stall": stall.pk, "entries": [{"entry": str(uuid.uuid4()), "name": "Offline Signer"}]}

    response = device.post("/stall/entries/", json.dumps(batch), content_type="application/json")

    assert response.status_code == 410
    assert response.json()["closed"] is True
    assert CLOSED in response.json()["error"]
    assert InPersonSignature.objects.filter(signature__name="Offline Signer").count() == 0
    assert Signature.objects.count() == 1


def test_opening_the_stall_link_after_the_close_says_so(client, stall):
    close_signing(stall)

    response = client.get("/stall/?" + urlencode({"key": stall.key}))

    assert response.status_code == 410
    assert CLOSED in visible_text(response)
