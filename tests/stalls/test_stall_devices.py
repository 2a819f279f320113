"""A stall's link or code opens it on its own device(s) and is spent; a ceiling holds back what no stall takes.

Before, anyone with the code could open the stall anywhere and post batches
of 200 confirmed, counted, emailed signatures until a day after the event.
"""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from campaign.stalls.models import StallDevice
from statements import review
from statements.models import Signature
from tests.conftest import committing
from tests.html import visible_text

from .test_signing_at_a_stall import entry, open_stall, page_of, send, sign_without_js

pytestmark = pytest.mark.django_db

STALLS = "/admin/stalls/stall/"
TABLET = "Mozilla/5.0 (Linux; Android 14; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.fixture
def device(django_capture_on_commit_callbacks):
    """Make a phone or tablet: a browser of its own, whose requests send their emails as they end."""

    def make(user_agent=TABLET):
        return committing(Client(headers={"User-Agent": user_agent}), django_capture_on_commit_callbacks)

    return make


def test_the_link_opens_the_stall_on_one_device_and_is_spent(stall, statement_page, device):
    tablet, phone = device(), device("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Version/18.0 Mobile Safari/604.1")
    assert open_stall(tablet, stall)["Location"] == page_of(stall)
    assert tablet.get(page_of(stall)).status_code == 200
    refused = open_stall(phone, stall)
    assert refused.status_code == 403
    assert "already open on its device" in visible_text(refused.content.decode())
    assert phone.post("/stall/", {"code": stall.display_code}).status_code == 403  # the code is spent too
    assert phone.get(page_of(stall)).status_code == 403
    assert sign_without_js(phone, stall).status_code == 403
    answer = send(phone, stall, [entry(), entry()])
    assert answer.status_code == 403 and "not open on this device" in answer.json()["error"]
    assert Signature.objects.count() == 0 and statement_page.counts()["total"] == 0
    assert sign_without_js(tablet, stall).status_code == 302  # the stall's own device signs on
    assert statement_page.counts()["total"] == 1


def test_an_organiser_may_let_more_devices_in(stall, device):
    stall.devices_allowed = 2
    stall.save()
    assert open_stall(device(), stall).status_code == 302
    assert open_stall(device(), stall).status_code == 302
    assert open_stall(device(), stall).status_code == 403
    assert StallDevice.objects.filter(stall=stall).count() == 2


def test_the_device_keeps_a_secret_the_database_holds_only_a_hash_of(stall, device):
    tablet = device()
    response = open_stall(tablet, stall)
    cookie = response.cookies[f"stall-{stall.pk}"]
    assert cookie["httponly"] and cookie["path"] == "/stall/" and cookie["samesite"] == "Lax"
    opened = StallDevice.objects.get()
    assert cookie.value not in opened.token_hash and len(cookie.value) >= 40
    assert opened.browser == "Chrome on Android"
    forged = device()
    forged.cookies[f"stall-{stall.pk}"] = opened.token_hash  # what a reader of the database could try
    assert sign_without_js(forged, stall).status_code == 403


def test_the_organiser_sees_the_devices_and_can_take_one_off(client, organiser, stall, statement_page, device):
    tablet = device()
    open_stall(tablet, stall)
    client.force_login(organiser)
    page = visible_text(client.get(f"{STALLS}inspect/{stall.pk}/").content.decode())
    assert "Chrome on Android, opened" in page and "Signing" in page
    opened = StallDevice.objects.get()
    client.post(f"{STALLS}shut_out/{stall.pk}/", {"device": opened.pk})
    assert sign_without_js(tablet, stall).status_code == 403
    assert "taken this device off" in visible_text(tablet.get(page_of(stall)).content.decode())
    assert "Taken off" in visible_text(client.get(f"{STALLS}inspect/{stall.pk}/").content.decode())
    assert open_stall(device(), stall).status_code == 302  # its place is free for the replacement tablet
    assert client.post(f"{STALLS}shut_out/{stall.pk}/", {"device": "nonsense"}).status_code == 302  # no 500


def test_a_new_code_shuts_the_old_one_and_the_open_device_carries_on(client, organiser, stall, statement_page, device):
    stall.devices_allowed = 3
    stall.save()
    tablet = device()
    open_stall(tablet, stall)
    old_key, old_code = stall.key, stall.display_code
    client.force_login(organiser)
    client.post(f"{STALLS}rotate/{stall.pk}/")
    stall.refresh_from_db()
    assert stall.key != old_key and stall.display_code != old_code
    assert device().get(f"/stall/?key={old_key}").status_code == 404
    assert device().post("/stall/", {"code": old_code}).status_code == 400
    assert sign_without_js(tablet, stall).status_code == 302
    assert open_stall(device(), stall).status_code == 302  # the new link works
    text = visible_text(client.get(f"{STALLS}inspect/{stall.pk}/").content.decode())
    assert stall.display_code in text and old_code not in text


def test_only_organisers_rotate_or_take_devices_off(client, editor, stall, device):
    tablet = device()
    open_stall(tablet, stall)
    key = stall.key
    client.force_login(editor)
    client.post(f"{STALLS}rotate/{stall.pk}/")
    client.post(f"{STALLS}shut_out/{stall.pk}/", {"device": StallDevice.objects.get().pk})
    stall.refresh_from_db()
    assert stall.key == key and not StallDevice.objects.get().is_shut_out


def test_past_the_ceiling_entries_are_held_uncounted_and_unemailed_and_organisers_hear_once(
    stall, statement_page, settings, device, site_settings
):
    settings.STALL_CEILING = {"minute": 3, "day": 400}
    tablet = device()
    open_stall(tablet, stall)
    batch = [entry(name=f"Person {n}", email=f"person{n}@example.org", show_publicly=True) for n in range(10)]
    answer = send(tablet, stall, batch).json()
    assert len(answer["received"]) == 10  # the device forgets them: nothing is dropped
    assert statement_page.counts()["total"] == 3
    assert Signature.objects.held().count() == 7
    assert set(Signature.objects.held().values_list("held_because", flat=True)) == {"stall"}
    thanked = [message for message in mail.outbox if message.subject.startswith("Thank you")]
    assert len(thanked) == 3
    alerts = [message for message in mail.outbox if message.subject.startswith("Stall entries held")]
    assert len(alerts) == 1 and "Leeds market stall" in alerts[0].subject
    assert "/admin/statements/review/?by=stall" in alerts[0].body
    send(tablet, stall, [entry()])
    assert len([m for m in mail.outbox if m.subject.startswith("Stall entries held")]) == 1  # once per stall
    public = Client().get(statement_page.url + "signatories/").content.decode()
    assert "Person 9" not in public and "Person 0" in public


def stall_group_link(client):
    html = client.get("/admin/statements/review/?by=stall").content.decode()
    return re.findall(r'<a href="(/admin/statements/review/group/[^"]+)">([^<]+)</a>', html)


def test_review_groups_stall_entries_by_stall_and_device_and_invalidates_with_counts_following(
    client, organiser, stall, statement_page, settings, device
):
    settings.STALL_CEILING = {"minute": 2, "day": 400}
    tablet = device()
    open_stall(tablet, stall)
    send(tablet, stall, [entry(name=f"Person {n}") for n in range(6)])
    assert statement_page.counts()["total"] == 2
    client.force_login(organiser)
    [(link, label)] = stall_group_link(client)
    assert label.startswith("Stall at Leeds market stall, Chrome on Android, opened")
    page = visible_text(client.get(link.replace("&amp;", "&")).content.decode())
    assert "6 signatures in this group" in page and "4 held for review" in page and "2 confirmed and counted" in page
    group = review.read_group(dict(part.split("=") for part in link.split("?")[1].split("&amp;")))
    everything = {"base": "all", "upto": Signature.objects.order_by("-pk").first().pk}  # confirmed ones ticked too
    form = {**group.params(), **everything, "action": "invalidate", "seen": 6, "seen_counted": 2}
    response = client.post("/admin/statements/review/group/", form)
    assert response.status_code == 302
    assert Signature.objects.count() == 0
    kept = statement_page.counts()
    call_command("recount_signatures", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert statement_page.counts() == kept and kept["total"] == 0


def test_releasing_a_stalls_held_entries_counts_them_and_thanks_each_signer(
    client, organiser, stall, statement_page, settings, device, site_settings
):
    settings.STALL_CEILING = {"minute": 1, "day": 400}
    tablet = device()
    open_stall(tablet, stall)
    send(tablet, stall, [entry(email="one@example.org"), entry(email="two@example.org", keep_informed=True)])
    assert statement_page.counts()["total"] == 1 and len(mail.outbox) == 2  # one thank-you, one alert
    mail.outbox.clear()
    client.force_login(organiser)
    [(link, _)] = stall_group_link(client)
    params = dict(part.split("=") for part in link.split("?")[1].split("&amp;"))
    page = visible_text(client.get(link.replace("&amp;", "&")).content.decode())
    assert "counts now, and its signer" in page
    client.post("/admin/statements/review/group/", {**params, "action": "release", "seen": 1})
    assert statement_page.counts()["total"] == 2 and not Signature.objects.held().exists()
    subjects = sorted(message.subject for message in mail.outbox)
    assert [message.to for message in mail.outbox if message.subject.startswith("Thank you")] == [["two@example.org"]]
    assert any(subject.startswith("Please confirm") for subject in subjects)  # the updates they asked for
