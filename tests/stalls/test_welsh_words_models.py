"""A stall device on its Welsh address is told in Welsh why the stall signs nothing (#29), in English on its own."""

import json
import uuid
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils import timezone

from campaign.stalls.models import source_code_of
from statements.referrals import STALL_PREFIX

pytestmark = pytest.mark.django_db


def open_and_revoke(client, stall, prefix, reason="The tablet was lost."):
    assert client.get(f"{prefix}/stall/?" + urlencode({"key": stall.key})).status_code == 302
    stall.revoked_at, stall.revoked_reason = timezone.now(), reason
    stall.save()


def send(client, stall, prefix):
    body = json.dumps({"stall": stall.pk, "entries": [{"entry": str(uuid.uuid4()), "name": "Ada Lovelace"}]})
    return client.post(f"{prefix}/stall/entries/", body, content_type="application/json")


def test_a_revoked_stall_says_so_in_welsh_on_its_welsh_address(client, stall):
    open_and_revoke(client, stall, "/cy")
    answer = send(client, stall, "/cy")
    assert answer.status_code == 410
    # The organiser's own reason is shown as they wrote it.
    assert answer.json()["error"] == "Mae trefnydd wedi diffodd dolen y stondin hon. The tablet was lost."


def test_the_same_stall_in_english_is_as_it_was(client, stall):
    open_and_revoke(client, stall, "")
    assert send(client, stall, "").json()["error"] == (
        "This stall link was switched off by an organiser. The tablet was lost."
    )


def test_a_stall_whose_day_is_over_says_so_in_welsh(client, stall, event):
    assert client.get("/cy/stall/?" + urlencode({"key": stall.key})).status_code == 302
    event.start, event.end = event.start - timezone.timedelta(days=3), event.end - timezone.timedelta(days=3)
    event.save()
    page = client.get("/cy/stall/?" + urlencode({"stall": stall.pk})).content.decode()
    assert "Mae’r stondin hon wedi cau" in page and "This stall has closed" not in page


def test_a_stalls_source_code_uses_the_sources_one_prefix(stall):
    assert stall.source_code == source_code_of(stall.event_id) == f"{STALL_PREFIX}{stall.event_id}"


def test_a_device_opened_on_the_welsh_address_keeps_its_cookie_for_the_welsh_stall_pages(stall):
    """A browser sends a cookie only under its path: the Welsh page sends its entries to /cy/stall/entries/."""
    stall.devices_allowed = 2
    stall.save()
    welsh = Client().get("/cy/stall/?" + urlencode({"key": stall.key}))
    assert welsh.cookies[f"stall-{stall.pk}"]["path"] == "/cy/stall/"
    english = Client().get("/stall/?" + urlencode({"key": stall.key}))
    assert english.cookies[f"stall-{stall.pk}"]["path"] == "/stall/"
