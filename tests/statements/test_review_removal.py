"""Organisers never lose real signatures by accident (#32): every row seen, confirmed left out, a check, a record.

The forms are submitted as a browser would submit them: the hidden fields
and the ticked boxes the page holds, and the button pressed.
"""

import re
from collections import defaultdict
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from statements import review
from statements.models import ReviewDecision, Signature
from tests.conftest import make_user
from tests.html import visible_text
from tests.statements.factories import SignatureFactory, StatementPageFactory

pytestmark = pytest.mark.django_db

GROUP_URL = "/admin/statements/review/group/"
BURST = "e" * 32


def press(client, response, button, tick=(), untick=()):
    """Submit the form holding the button that reads `button`, after ticking or unticking signatures (by pk)."""
    soup = BeautifulSoup(response.content, "html.parser")
    pressed = soup.find(lambda tag: tag.name == "button" and tag.get_text(" ", strip=True) == button)
    assert pressed is not None, f"No button {button!r} on the page"
    data = defaultdict(list)
    for field in pressed.find_parent("form").find_all("input"):
        if field["type"] == "checkbox":
            pk = int(field["value"])
            if (field.has_attr("checked") or pk in tick) and pk not in untick:
                data[field["name"]].append(field["value"])
        else:
            data[field["name"]].append(field.get("value", ""))
    if pressed.get("name"):
        data[pressed["name"]].append(pressed["value"])
    return client.post(GROUP_URL, dict(data))


def checkboxes(response):
    """{pk: ticked} for the signatures on the page."""
    soup = BeautifulSoup(response.content, "html.parser")
    return {int(box["value"]): box.has_attr("checked") for box in soup.find_all("input", attrs={"name": "pick"})}


def make_meeting(page, held=20, waiting=15, confirmed=2, start=None):
    """A union meeting on one Wi-Fi: 37 signatures in 20 minutes, 30 at one email domain, two already confirmed."""
    # Within one hour, as the listing groups by the hour: ten to thirty minutes into the last one.
    start = start or timezone.now().replace(minute=10, second=0, microsecond=0) - timedelta(hours=1)
    made = []
    for number in range(held + waiting + confirmed):
        made.append(
            SignatureFactory(
                page=page,
                network=BURST,
                name=f"Member {number}",
                email=f"member{number}@{'union.example' if number < 30 else 'mail.example'}",
                created_at=start + timedelta(seconds=number * 20 * 60 // (held + waiting + confirmed - 1)),
                confirmed_at=None if number < held + waiting else timezone.now(),
                held_because="network" if number < held else "",
            )
        )
    return made


@pytest.fixture
def meeting(statement_page):
    return make_meeting(statement_page)


def open_group(client, page=None):
    url = review.Group(by="network", key=BURST).url
    return client.get(url + (f"&page={page}" if page else ""))


def recount():
    call_command("recount_signatures", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_a_group_is_described_in_words_where_when_how_many_and_what_stands_out(client, organiser, meeting):
    client.force_login(organiser)
    listing = visible_text(client.get("/admin/statements/review/"))
    assert re.search(
        r"37 signatures from one network in 20 minutes, \d\d:\d\d–\d\d:\d\d on \w{3} \d{1,2} \w{3}; "
        r"30 of them at union\.example addresses\.",
        listing,
    )
    assert "email budget" not in listing
    assert "One network (ref. eeeeeeee)" in listing
    group = visible_text(open_group(client))
    assert "37 signatures from one network in 20 minutes" in group


def test_every_signature_of_a_group_is_on_one_of_its_pages(client, organiser, meeting):
    client.force_login(organiser)
    first = open_group(client)
    assert "Signatures 1–25 of 37, newest first" in visible_text(first)
    second = press(client, first, "2")
    assert "Signatures 26–37 of 37" in visible_text(second)
    assert set(checkboxes(first)) | set(checkboxes(second)) == {signature.pk for signature in meeting}
    assert not set(checkboxes(first)) & set(checkboxes(second))
    reader = make_user(
        "reader", permissions=["wagtailadmin.access_admin", "statements.review_signature", "statements.view_signature"]
    )
    client.force_login(reader)  # may read names but not remove: the pages are plain links
    names = visible_text(open_group(client, 1)) + visible_text(open_group(client, 2))
    assert all(f"Member {number}, Leeds" in names for number in range(37))


def test_confirmed_signatures_are_not_ticked_and_stay_unless_ticked_by_hand(client, organiser, meeting, statement_page):
    client.force_login(organiser)
    confirmed = {signature.pk for signature in meeting if signature.confirmed_at}
    ticks = checkboxes(open_group(client))  # the newest 25: the two confirmed among them
    assert confirmed <= set(ticks)
    assert all(ticks[pk] is (pk not in confirmed) for pk in ticks)
    before = statement_page.counts()["total"]

    check = press(client, open_group(client), "Remove the ticked signatures…")
    text = visible_text(check)
    assert (
        "35 signatures will be removed: 20 held for review, 15 waiting for the signer to confirm, 0 confirmed" in text
    )
    assert "No count changes: none of them is confirmed." in text
    assert Signature.objects.count() == 37  # nothing yet

    done = client.get(press(client, check, "Remove 35 signatures")["Location"])
    assert "35 signatures removed; none had counted." in visible_text(done)
    assert set(Signature.objects.values_list("pk", flat=True)) == confirmed
    assert statement_page.counts()["total"] == before == 2
    recount()
    assert statement_page.counts()["total"] == 2


def test_the_check_says_how_each_count_falls_when_a_confirmed_signature_is_ticked(client, organiser, statement_page):
    make_meeting(statement_page)
    SignatureFactory(page=statement_page, network="0" * 32)  # elsewhere: counts, stays
    other = StatementPageFactory(parent=statement_page.get_parent(), slug="another", title="Another statement")
    elsewhere = SignatureFactory(page=other, network=BURST, name="Other statement signer")
    client.force_login(organiser)
    confirmed = Signature.objects.filter(network=BURST, page=statement_page, confirmed_at__isnull=False).first()
    check = press(client, open_group(client), "Remove the ticked signatures…", tick=[confirmed.pk, elsewhere.pk])
    text = visible_text(check)
    assert (
        "37 signatures will be removed: 20 held for review, 15 waiting for the signer to confirm, 2 confirmed" in text
    )
    assert "The count on “Our statement” falls from 3 to 2: 1 of the removed signatures was confirmed there." in text
    assert "The count on “Another statement” falls from 1 to 0" in text

    press(client, check, "Remove 37 signatures")
    assert statement_page.counts()["total"] == 2 and other.counts()["total"] == 0
    assert Signature.objects.filter(pk=confirmed.pk).exists() is False
    recount()
    assert statement_page.counts()["total"] == 2 and other.counts()["total"] == 0


def test_ticks_made_on_one_page_are_kept_on_the_others(client, organiser, meeting):
    client.force_login(organiser)
    waiting_on_page_one = meeting[-5]  # the newest are on the first page
    held_on_page_two = meeting[0]
    second = press(client, open_group(client), "2", untick=[waiting_on_page_one.pk])
    assert checkboxes(second)[held_on_page_two.pk] is True
    first = press(client, second, "1", untick=[held_on_page_two.pk])
    assert checkboxes(first)[waiting_on_page_one.pk] is False
    check = press(client, first, "Remove the ticked signatures…")
    assert "33 signatures will be removed" in visible_text(check)
    back = press(client, check, "Go back and change the ticks")
    assert checkboxes(back)[waiting_on_page_one.pk] is False
    nothing = press(client, press(client, back, "Untick all"), "Remove the ticked signatures…")
    assert "No signature is ticked" in visible_text(nothing)
    press(client, check, "Remove 33 signatures")
    assert set(Signature.objects.filter(confirmed_at__isnull=True).values_list("pk", flat=True)) == {
        waiting_on_page_one.pk,
        held_on_page_two.pk,
    }


def test_every_removal_is_recorded_with_who_removed_what_and_whether_it_counted(client, organiser, meeting):
    client.force_login(organiser)
    confirmed = next(signature for signature in meeting if signature.confirmed_at)
    check = press(client, open_group(client), "Tick every one, confirmed too")
    done = press(client, press(client, check, "Remove the ticked signatures…"), "Remove 37 signatures")
    record = client.get(done["Location"])
    text = visible_text(record)
    assert "37 signatures removed" in text and "by organiser" in text
    assert "2 of them had been confirmed and counted" in text
    assert "Member 36" in text and "an address at mail.example" in text and "Confirmed and counted" in text
    assert "member36@" not in record.content.decode()  # the address itself is gone
    assert "Member 0 " in visible_text(client.get(done["Location"] + "&page=2"))
    decision = ReviewDecision.objects.get()
    assert decision.removed.count() == 37 and decision.removed.filter(status="confirmed").count() == 2
    assert decision.removed.get(name=confirmed.name).counted
    listing = visible_text(client.get("/admin/statements/review/"))
    assert "See the 37 removed" in listing


def test_a_signature_arriving_after_the_organiser_looked_is_not_removed(client, organiser, meeting):
    client.force_login(organiser)
    check = press(client, open_group(client), "Remove the ticked signatures…")
    late = SignatureFactory(page=meeting[0].page, network=BURST, unconfirmed=True, held_because="network")
    press(client, check, "Remove 35 signatures")
    assert Signature.objects.filter(pk=late.pk).exists()
    assert Signature.objects.count() == 3


def test_nothing_is_removed_if_a_ticked_signature_was_confirmed_after_the_check(client, organiser, meeting):
    client.force_login(organiser)
    check = press(client, open_group(client), "Remove the ticked signatures…")
    Signature.objects.filter(pk=meeting[25].pk).update(confirmed_at=timezone.now())  # its signer clicked the link
    changed = press(client, check, "Remove 35 signatures")
    assert changed.status_code == 409
    assert "Nothing was done: the group has changed since you looked" in visible_text(changed)
    assert Signature.objects.count() == 37 and not ReviewDecision.objects.exists()


def test_removing_needs_the_delete_permission_a_post_and_the_csrf_token(client, organiser, meeting):
    reviewer = make_user("counter", permissions=["wagtailadmin.access_admin", "statements.review_signature"])
    client.force_login(organiser)
    check = press(client, open_group(client), "Remove the ticked signatures…")
    client.force_login(reviewer)
    refused = press(client, check, "Remove 35 signatures")
    assert refused.status_code in (302, 403) and Signature.objects.count() == 37
    assert "Remove" not in visible_text(open_group(client))

    client.force_login(organiser)
    form = {**review.Group(by="network", key=BURST).params(), "action": "invalidate", "seen": 35, "seen_counted": 0}
    assert client.get(GROUP_URL, form).status_code == 200  # a GET only shows the group
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(organiser)
    assert strict.post(GROUP_URL, {**form, "upto": meeting[-1].pk}).status_code == 403
    assert Signature.objects.count() == 37


@pytest.mark.parametrize("garbled", [{"base": "everything"}, {"flipped": "1.x"}, {"flipped": ".".join(["1"] * 5001)}])
def test_a_garbled_selection_is_a_polite_400(client, organiser, meeting, garbled):
    client.force_login(organiser)
    form = {**review.Group(by="network", key=BURST).params(), "action": "invalidate", "seen": 35, "seen_counted": 0}
    assert client.post(GROUP_URL, {**form, **garbled}).status_code == 400
    assert Signature.objects.count() == 37
