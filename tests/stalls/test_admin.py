"""Stall sessions in the admin: opened by organisers, read and revoked; totals by event; paper sheets for an event."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from campaign.stalls.models import InPersonSignature, Stall
from statements.models import Signature
from tests.html import visible_text

from .test_signing_at_a_stall import entry, open_stall, send

pytestmark = pytest.mark.django_db

STALLS = "/admin/stalls/stall/"


def test_an_organiser_opens_a_stall_and_gets_its_link_code_and_qr(client, organiser, event, statement_page):
    client.force_login(organiser)
    form = client.get(STALLS + "create/")
    assert form.status_code == 200
    assert event.title in form.content.decode()
    response = client.post(
        STALLS + "create/", {"event": event.pk, "statement": statement_page.pk, "devices_allowed": 1}, follow=True
    )
    stall = Stall.objects.get()
    assert stall.created_by == organiser
    html = response.content.decode()
    assert f"http://testserver/stall/?key={stall.key}" in html
    assert stall.display_code in html
    assert "<svg" in html
    assert "Signed at this stall: 0" in visible_text(html)


def test_the_list_shows_each_stalls_total_and_state(client, organiser, stall):
    open_stall(client, stall)
    send(client, stall, [entry(), entry()])
    client.force_login(organiser)
    text = visible_text(client.get(STALLS).content.decode())
    assert stall.display_code in text
    assert re.search(r"Open .* 2", text)


def test_revoking_stops_the_link_and_its_device_is_told_why(client, organiser, stall):
    device = Client()
    open_stall(device, stall)
    client.force_login(organiser)
    response = client.post(STALLS + f"revoke/{stall.pk}/", {"reason": "The tablet was lost."}, follow=True)
    assert "revoked" in visible_text(response.content.decode())
    stall.refresh_from_db()
    assert stall.is_revoked and stall.revoked_reason == "The tablet was lost."
    answer = send(device, stall, [entry()])
    assert answer.status_code == 410 and "The tablet was lost." in answer.json()["error"]


def test_people_outside_the_organisers_cannot_open_or_revoke_stalls(client, editor, stall, event, statement_page):
    client.force_login(editor)
    assert client.get(STALLS).status_code in (302, 403)
    client.post(STALLS + "create/", {"event": event.pk, "statement": statement_page.pk})
    client.post(STALLS + f"revoke/{stall.pk}/", {"reason": "no"})
    assert Stall.objects.count() == 1
    stall.refresh_from_db()
    assert not stall.is_revoked
    assert client.get(f"{STALLS}inspect/{stall.pk}/").status_code in (302, 403)  # the link is a key: organisers only


def test_paper_sheets_can_be_imported_for_an_event_and_totals_by_event_show_both(
    client, organiser, stall, event, statement_page
):
    open_stall(client, stall)
    send(client, stall, [entry(), entry(), entry()])
    client.force_login(organiser)
    sheet = SimpleUploadedFile("sheet.csv", b"name,email,public\nMary Barbour,mary@example.org,yes\nJohn Maclean,,no\n")
    response = client.post(
        "/admin/stalls/import/",
        {"page": statement_page.pk, "event": event.pk, "source": "paper", "file": sheet},
    )
    assert "2 signatures imported" in visible_text(response.content.decode())
    assert InPersonSignature.objects.filter(stall__isnull=True, event=event).count() == 2
    assert Signature.objects.confirmed().count() == 5
    assert statement_page.counts()["total"] == 5
    text = visible_text(client.get("/admin/stalls/totals/").content.decode())
    assert re.search(r"Leeds market stall .*? 3 2 5", text)


def test_an_events_sheets_imported_with_their_batch_code_carry_the_sheets_source_code(
    client, organiser, event, statement_page
):
    client.force_login(organiser)
    sheet = SimpleUploadedFile("sheet.csv", b"name,email,public\nMary Barbour,mary@example.org,yes\n")
    response = client.post(
        "/admin/stalls/import/",
        {"page": statement_page.pk, "event": event.pk, "source": "paper", "file": sheet, "batch_code": "K7QXMP"},
    )

    assert "Batch K7QXMP: 1 signature imported" in visible_text(response.content.decode())
    assert Signature.objects.get(name="Mary Barbour").referral_code == "sheet-k7qxmp"
