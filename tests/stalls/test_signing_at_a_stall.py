"""Signing at a stall: on the page without JavaScript, and as the device's script sends what it kept."""

import json
import re
import uuid
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from campaign.stalls.models import InPersonSignature
from core.subscriptions.models import Subscriber
from core.subscriptions.wording import CURRENT
from statements.models import Signature
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def page_of(stall, **extra):
    """The stall's page on a device that opened it."""
    return "/stall/?" + urlencode({"stall": stall.pk, **extra})


def open_stall(client, stall):
    """Open the stall's link on this client, as the organiser does on the stall's device."""
    return client.get("/stall/?" + urlencode({"key": stall.key}))


@pytest.fixture
def client(client, stall):
    """The stall's device: it opened the stall with its link before anything else."""
    assert open_stall(client, stall).status_code == 302
    return client


def sign_without_js(client, stall, headers=None, **fields):
    data = {"stall": stall.pk, "name": "Rosa Parks", "entry": str(uuid.uuid4()), **fields}
    return client.post("/stall/signatures/", data, headers=headers)


def send(client, stall, entries, stall_id=None, **headers):
    body = json.dumps({"stall": stall_id or stall.pk, "entries": entries})
    return client.post("/stall/entries/", body, content_type="application/json", **headers)


def entry(**fields):
    return {"entry": str(uuid.uuid4()), "name": "Ada Lovelace", **fields}


def test_stall_page_shows_an_empty_form_and_the_running_total(client, stall):
    response = client.get(page_of(stall))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sign “Our statement”" in html
    assert "data-stall-total>0<" in html
    assert 'autocomplete="off"' in html  # the shared device's browser must not offer the last signer's details
    assert "no-store" in response["Cache-Control"]


def test_signing_without_javascript_counts_at_once_and_clears_the_form(client, stall, statement_page):
    response = sign_without_js(client, stall, town="Leeds", show_publicly="on")
    assert response.status_code == 302
    after = client.get(response["Location"])
    html = after.content.decode()
    assert "Thank you for signing" in html
    assert "Rosa Parks" not in html  # never shows the previous signer
    assert "data-stall-total>1<" in html
    signature = Signature.objects.get()
    assert signature.is_confirmed and signature.show_publicly and not signature.keep_informed
    assert signature.get_source_display() == "Signed in person, on a stall's device"  # not a paper sheet
    assert statement_page.counts()["total"] == 1
    assert signature.in_person.event == stall.event and signature.in_person.stall == stall
    assert mail.outbox == []  # no address given, nothing to send


def test_the_same_form_sent_twice_counts_once(client, stall, statement_page):
    same = str(uuid.uuid4())
    sign_without_js(client, stall, entry=same)
    sign_without_js(client, stall, entry=same)
    assert Signature.objects.count() == 1
    assert statement_page.counts()["total"] == 1


def test_a_mistake_is_shown_politely_and_nothing_is_lost(client, stall):
    response = sign_without_js(client, stall, name="", town="Leeds", keep_informed="on")
    html = response.content.decode()
    assert response.status_code == 400
    assert "There are problems with what you sent" in html
    assert "Give an email address so we can keep you informed" in html
    assert 'value="Leeds"' in html
    assert Signature.objects.count() == 0


def test_an_email_gets_a_thank_you_with_the_withdraw_link_not_a_confirmation(client, stall, statement_page):
    sign_without_js(client, stall, email="rosa@example.org")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["rosa@example.org"]
    assert message.subject == "Thank you for signing: Our statement"
    assert "Leeds market stall" in message.body
    assert "confirm" not in message.body.lower().replace("nothing to confirm", "")
    withdraw = re.search(r"https?://testserver(/\S+/withdraw/\?token=\S+)", message.body).group(1)
    assert client.post(withdraw).status_code == 200  # the link works: the signature goes, and the count with it
    assert statement_page.counts()["total"] == 0
    assert InPersonSignature.objects.get().signature is None


def test_updates_asked_for_at_a_stall_wait_for_the_address_owners_yes(client, stall):
    """An address typed on a shared device is not proven: the consent is kept, updates start only from its email."""
    sign_without_js(client, stall, email="rosa@example.org", keep_informed="on")
    subscriber = Subscriber.objects.get(email="rosa@example.org")
    assert subscriber.status == Subscriber.Status.PENDING
    consent = subscriber.consents.get()
    assert consent.confirmed_at is None and consent.wording_version == CURRENT
    assert consent.form == "the stall at Leeds market stall"  # the event, never the stall's code
    assert stall.code not in consent.form and stall.display_code not in consent.form
    thank_you, ask = sorted(mail.outbox, key=lambda m: m.subject.startswith("Thank you"), reverse=True)
    assert "/your-data/?token=" in thank_you.body
    assert ask.to == ["rosa@example.org"] and ask is not thank_you


def test_an_address_that_already_signed_is_thanked_and_counted_once(client, stall, statement_page):
    SignatureFactory(page=statement_page, email="ada@example.org")
    response = send(client, stall, [entry(email="ADA@example.org")])
    assert response.json()["received"]
    assert Signature.objects.count() == 1
    assert statement_page.counts()["total"] == 1
    assert mail.outbox == []


def test_the_device_sends_what_it_kept_and_a_retry_counts_once(client, stall, statement_page):
    kept = [entry(name="One"), entry(name="Two", email="two@example.org"), entry(name="Three", show_publicly=True)]
    first = send(client, stall, kept)
    assert first.status_code == 200
    assert sorted(first.json()["received"]) == sorted(item["entry"] for item in kept)
    assert first.json()["total"] == 3
    again = send(client, stall, kept)  # the answer was lost on the way back: the device sends them all again
    assert sorted(again.json()["received"]) == sorted(item["entry"] for item in kept)
    assert Signature.objects.count() == 3
    assert statement_page.counts()["total"] == 3
    assert again.json()["total"] == 3
    assert len(mail.outbox) == 1


def test_the_device_is_told_which_signatures_are_invalid_and_keeps_nothing_back(client, stall):
    good, bad = entry(), entry(name="", keep_informed=True)
    answer = send(client, stall, [good, bad]).json()
    assert answer["received"] == [good["entry"]]
    assert list(answer["refused"]) == [bad["entry"]]
    assert Signature.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        '{"entries": []}',
        '{"stall": "x", "entries": "no"}',
        "[1]",
        "[" * 5000,  # nested deeper than the parser goes
        '{"stall": 1000000000000000000000000000000, "entries": []}',
        '{"stall": -1, "entries": []}',
    ],
)
def test_nonsense_is_a_polite_refusal_never_an_error(client, stall, body):
    response = client.post("/stall/entries/", body, content_type="application/json")
    assert response.status_code in (400, 404)
    assert "error" in response.json()


def test_the_stall_is_not_held_back_by_the_per_network_limit(client, stall, settings, statement_page):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign": (2, 3600)}
    for number in range(12):
        assert sign_without_js(client, stall, name=f"Person {number}").status_code == 302
    assert statement_page.counts()["total"] == 12


def test_a_revoked_stall_signs_nothing_and_says_why(client, stall, statement_page):
    stall.revoked_at = timezone.now()
    stall.revoked_reason = "The tablet was lost."
    stall.save()
    page = client.get(page_of(stall)).content.decode()
    assert "switched off by an organiser" in page and "The tablet was lost." in page
    assert "<form" not in page
    refused = sign_without_js(client, stall)
    assert refused.status_code == 410
    assert "switched off by an organiser" in refused.content.decode()
    sent = send(client, stall, [entry()])
    assert sent.status_code == 410
    assert "The tablet was lost." in sent.json()["error"]
    assert Signature.objects.count() == 0
    assert statement_page.counts()["total"] == 0


def move_event(event, days):
    event.start, event.end = event.start + timedelta(days=days), event.end + timedelta(days=days)
    event.save()


def test_a_stall_closes_at_the_end_of_the_events_day_but_takes_what_a_device_kept_for_a_day(client, stall, event):
    move_event(event, days=-1)  # yesterday's stall: closed since midnight
    assert "has closed" in client.get(page_of(stall)).content.decode()
    assert sign_without_js(client, stall).status_code == 410
    assert send(client, stall, [entry()]).status_code == 200  # the device was offline until after it closed
    move_event(event, days=-2)
    assert send(client, stall, [entry()]).status_code == 410
    assert Signature.objects.count() == 1


def test_another_site_cannot_sign_through_a_stall(client, stall):
    response = send(client, stall, [entry()], HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    response = sign_without_js(client, stall, headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 403
    assert Signature.objects.count() == 0
    assert sign_without_js(client, stall, headers={"Origin": "http://testserver"}).status_code == 302


def test_an_unknown_key_says_so(client, stall):
    assert client.get("/stall/?key=nothing").status_code == 404
    assert send(client, stall, [entry()], stall_id=stall.pk + 1000).status_code == 404


def test_the_short_code_opens_the_stall(stall):
    device = Client()
    code = stall.display_code.lower().replace("-", " ")
    response = device.post("/stall/", {"code": code})
    assert response.status_code == 302
    assert response["Location"] == page_of(stall)
    assert device.get(page_of(stall)).status_code == 200
    wrong = device.post("/stall/", {"code": "AAAA-AAAA"})
    assert wrong.status_code == 400
    assert "does not match a stall" in wrong.content.decode()


def test_guessing_codes_is_rate_limited(client, stall, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "stall_code": (3, 3600)}
    statuses = [client.post("/stall/", {"code": "AAAA-AAAA"}).status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]


def test_the_service_worker_is_served_within_the_stall_scope(client):
    response = client.get("/stall/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "caches" in response.content.decode()


def test_an_address_that_grows_when_kept_is_refused_politely(client, stall):
    """254 characters typed, 255 once lower-cased ("İ" becomes two): PostgreSQL would refuse to store it."""
    address = "İ" + "a" * (253 - len("@example.org")) + "@example.org"
    answer = send(client, stall, [entry(email=address)]).json()
    assert answer["received"] == [] and list(answer["refused"])
    assert Signature.objects.count() == 0
