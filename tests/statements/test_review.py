"""Bulk review for organisers: groups of recent signatures, a dry run, release or removal, and who may.

How organisers choose what to remove, and what they are told first, is in test_review_removal.py.
"""

import re
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from statements import review, signing
from statements.models import ReviewDecision, Signature
from tests.concurrency import run_together
from tests.conftest import make_user
from tests.core.test_menu_badges import menu_links
from tests.html import visible_text
from tests.statements.factories import SignatureFactory, StatementPageFactory

pytestmark = pytest.mark.django_db

REVIEW_URL = "/admin/statements/review/"
GROUP_URL = "/admin/statements/review/group/"
BURST = "f" * 32
QUIET = "0" * 32


def make_burst(page, held=5, waiting=3, counted=4, organisations=2):
    """A burst from one network: held, waiting for confirmation and counted; and a quiet network's signatures."""
    for _ in range(held):
        SignatureFactory(page=page, network=BURST, unconfirmed=True, held_because="network")
    for _ in range(waiting):
        SignatureFactory(page=page, network=BURST, unconfirmed=True)
    for _ in range(counted):
        SignatureFactory(page=page, network=BURST)
    for _ in range(organisations):
        SignatureFactory(page=page, network=BURST, organisation_kind=True)
    for _ in range(3):
        SignatureFactory(page=page, network=QUIET)


def recount():
    call_command("recount_signatures", stdout=open("/dev/null", "w"))  # noqa: SIM115


def group_form(key=BURST, **changes):
    """A group's parameters as the review screen links to them (with their keyed hash), plus `changes`."""
    return {**review.Group(by="network", key=key, days=2).params(), **changes}


def remove_all(group, seen, counted):
    """The confirmation page's form when every signature of the group was ticked, confirmed ones too."""
    upto = Signature.objects.order_by("-pk").values_list("pk", flat=True).first()
    return {
        **group.params(),
        "action": "invalidate",
        "base": "all",
        "upto": upto,
        "seen": seen,
        "seen_counted": counted,
    }


def test_groups_are_listed_bursts_first_by_network_domain_and_hour_never_by_address(client, organiser, statement_page):
    make_burst(statement_page)
    client.force_login(organiser)
    html = client.get(REVIEW_URL).content.decode()
    text = visible_text(html)
    assert "5 signatures held for review" in text
    labels = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)
    assert labels[0].startswith("One network (ref. ffffffff)")  # the burst, 14 signatures, before the quiet 3
    assert labels[1].startswith("One network (ref. 00000000)")
    assert "14 signatures from one network within a minute" in text
    assert "127.0.0.1" not in html

    by_domain = visible_text(client.get(f"{REVIEW_URL}?by=domain&days=7"))
    assert "Email addresses at example.org" in by_domain
    assert "17 signatures with example.org addresses within a minute" in by_domain
    assert "14 of them from one network" in by_domain
    by_hour = visible_text(client.get(f"{REVIEW_URL}?by=hour"))
    assert "All website signatures" in by_hour and "17 signatures on the website" in by_hour


def test_a_group_shows_its_dry_run_count_before_anything_is_done(client, organiser, statement_page):
    make_burst(statement_page)
    client.force_login(organiser)
    text = visible_text(client.get(GROUP_URL, group_form()))
    assert "14 signatures in this group" in text
    assert "5 held for review" in text
    assert "6 confirmed and counted" in text
    assert "3 waiting for the signer to confirm" in text
    assert "Release 5 held signatures" in text
    assert "Remove the ticked signatures…" in text
    assert Signature.objects.count() == 17 and ReviewDecision.objects.count() == 0


def test_nothing_is_done_when_the_group_changed_since_the_organiser_looked(client, organiser, statement_page):
    make_burst(statement_page)
    client.force_login(organiser)
    response = client.post(GROUP_URL, group_form(action="invalidate", seen=13))
    assert response.status_code == 409
    assert "Nothing was done: the group has changed since you looked" in visible_text(response)
    assert Signature.objects.count() == 17


def test_releasing_queues_the_confirmation_emails_and_leaves_an_audit_line(client, organiser, statement_page):
    make_burst(statement_page)
    client.force_login(organiser)
    response = client.post(GROUP_URL, group_form(action="release", seen=5))
    assert response.status_code == 302
    assert Signature.objects.held().count() == 0
    assert len(mail.outbox) == 5
    assert all("Please confirm your signature" in message.subject for message in mail.outbox)
    decision = ReviewDecision.objects.get()
    assert (decision.action, decision.signatures, decision.made_by) == ("release", 5, organiser)
    assert "One network (ref. ffffffff)" in visible_text(client.get(response["Location"]))


def test_invalidating_a_burst_erases_it_stops_it_counting_at_once_and_recount_agrees(
    client, organiser, statement_page, site_settings
):
    make_burst(statement_page)
    other = StatementPageFactory(parent=statement_page.get_parent(), slug="another", title="Another")
    SignatureFactory(page=other, network=BURST)
    assert statement_page.counts()["total"] == 9
    client.force_login(organiser)
    response = client.post(GROUP_URL, remove_all(review.Group(by="network", key=BURST), seen=15, counted=7))
    assert response.status_code == 302
    assert "15 signatures removed; 7 had counted." in visible_text(client.get(response["Location"]))

    kept = statement_page.counts()
    assert (kept["total"], kept["people"], kept["organisations"]) == (3, 3, 0)
    assert other.counts()["total"] == 0
    assert not Signature.objects.filter(network=BURST).exists()
    decision = ReviewDecision.objects.get()
    assert (decision.action, decision.signatures, decision.counted) == ("invalidate", 15, 7)
    assert "@" not in decision.group
    recount()
    assert statement_page.counts() == kept
    assert other.counts()["total"] == 0


def test_a_group_by_email_domain_and_hour_takes_only_its_own(client, organiser, statement_page):
    now = timezone.now()
    SignatureFactory(page=statement_page, email="a@burst.example", created_at=now)
    SignatureFactory(page=statement_page, email="b@burst.example", created_at=now - timedelta(hours=3))
    SignatureFactory(page=statement_page, email="c@other.example", created_at=now)
    hour = now.replace(minute=0, second=0, microsecond=0)
    group = review.Group(by="domain", key="burst.example", start=hour)
    assert review.dry_run(group)["total"] == 1
    client.force_login(organiser)
    client.post(GROUP_URL, remove_all(group, seen=1, counted=1))
    assert sorted(Signature.objects.values_list("email", flat=True)) == ["b@burst.example", "c@other.example"]


def test_paper_signatures_are_never_swept_into_a_web_group(client, organiser, statement_page):
    SignatureFactory(page=statement_page, source=Signature.Source.PAPER, email="")
    assert review.dry_run(review.Group(by="hour", start=timezone.now().replace(minute=0, second=0)))["total"] == 0


def test_only_those_allowed_may_review(client, statement_page, editor):
    make_burst(statement_page)
    client.force_login(editor)
    assert client.get(REVIEW_URL).status_code in (302, 403)
    response = client.post(GROUP_URL, group_form(action="invalidate", seen=14))
    assert response.status_code in (302, 403)
    assert Signature.objects.count() == 17
    reviewer = make_user("reviewer", permissions=["wagtailadmin.access_admin", "statements.review_signature"])
    client.force_login(reviewer)
    assert client.get(REVIEW_URL).status_code == 200
    assert "made-by-factory" not in client.get(GROUP_URL, group_form()).content.decode()  # no emails without leave


@pytest.mark.parametrize(
    "params",
    [
        {"by": "network", "key": "127.0.0.1"},
        {"by": "nothing"},
        {"by": "hour"},
        {"by": "hour", "start": "yesterday"},
        {"by": "domain", "key": "a b"},
        {"by": "hour", "start": "99999999999999999999"},
    ],
)
def test_a_group_that_names_nothing_is_a_polite_400(client, organiser, statement_page, params):
    client.force_login(organiser)
    assert client.get(GROUP_URL, params).status_code == 400
    assert client.post(GROUP_URL, {**params, "action": "invalidate", "seen": 0}).status_code == 400


def test_only_groups_the_screen_listed_can_be_opened(client, organiser, statement_page):
    """A domain or network typed into the address opens nothing: the screen's links carry a keyed hash."""
    SignatureFactory(page=statement_page, email="someone@small-union.example", network=BURST)
    client.force_login(organiser)
    typed = {"by": "domain", "key": "small-union.example", "days": 2}
    assert client.get(GROUP_URL, typed).status_code == 400
    assert client.get(GROUP_URL, {**typed, "sig": "0" * 32}).status_code == 400
    assert client.get(GROUP_URL, {**group_form(), "days": 7}).status_code == 400  # a listed group, changed by hand
    listed = re.findall(
        r'<a href="(/admin/statements/review/group/[^"]+)"', client.get(REVIEW_URL + "?by=domain").content.decode()
    )
    assert listed and client.get(listed[0].replace("&amp;", "&")).status_code == 200


def test_names_need_the_view_permission_and_invalidating_the_delete_permission(client, statement_page):
    make_burst(statement_page)
    reviewer = make_user("counter", permissions=["wagtailadmin.access_admin", "statements.review_signature"])
    client.force_login(reviewer)
    page = visible_text(client.get(GROUP_URL, group_form()).content.decode())
    assert "14 signatures in this group" in page
    assert "Release 5 held signatures" in page  # releasing sends emails to the signers; it deletes nothing
    assert "Remove" not in page and "Signer" not in page  # no names, towns or delete button
    denied = client.post(GROUP_URL, remove_all(review.Group(by="network", key=BURST), seen=14, counted=6))
    assert denied.status_code in (302, 403) and denied.get("Location", "/admin/") == "/admin/"  # Wagtail's refusal
    assert Signature.objects.count() == 17
    reader = make_user(
        "reader", permissions=["wagtailadmin.access_admin", "statements.review_signature", "statements.view_signature"]
    )
    client.force_login(reader)
    page = visible_text(client.get(GROUP_URL, group_form()).content.decode())
    assert "Signer" in page and "Remove" not in page
    deleter = make_user(
        "deleter",
        permissions=["wagtailadmin.access_admin", "statements.review_signature", "statements.delete_signature"],
    )
    client.force_login(deleter)
    page = visible_text(client.get(GROUP_URL, group_form()).content.decode())
    assert "Remove the ticked signatures…" in page and "Signer" not in page  # rows to tick, but no names
    client.post(GROUP_URL, remove_all(review.Group(by="network", key=BURST), seen=14, counted=6))
    assert Signature.objects.count() == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.postgres
def test_on_postgresql_invalidating_a_burst_while_its_signers_confirm_keeps_counts_equal_to_a_recount(
    statement_page, organiser
):
    """Confirmations race the removal: each either counted and was uncounted, or found its row gone; or, if one
    confirmed before the removal locked the rows, nothing was removed, as they were not what the organiser saw."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): SQLite serialises all writes")
    make_burst(statement_page, held=0, waiting=20, counted=10, organisations=0)
    waiting = list(Signature.objects.filter(network=BURST, confirmed_at__isnull=True))
    decisions = []
    lock = threading.Lock()
    group = review.Group(by="network", key=BURST)
    everything = review.Selection(base="all", upto=Signature.objects.order_by("-pk").first().pk)

    def work(number):
        if number == 0:
            try:
                decision = review.invalidate(group, organiser, everything, seen=(30, 10))
            except review.GroupChanged:
                decision = None
            with lock:
                decisions.append(decision)
        else:
            signing.confirm(waiting[number - 1])

    run_together(len(waiting) + 1, work)
    kept = statement_page.counts()
    recount()
    assert statement_page.counts() == kept
    if decisions[0] is None:
        assert Signature.objects.filter(network=BURST).count() == 30
        assert kept["total"] == 3 + Signature.objects.filter(network=BURST, confirmed_at__isnull=False).count()
    else:
        assert kept["total"] == 3  # only the quiet network's
        assert not Signature.objects.filter(network=BURST).exists()
        assert decisions[0].signatures == 30
    assert Client().get(statement_page.url).status_code == 200


def test_the_menu_says_how_many_signatures_wait_for_review(client, organiser, statement_page):
    make_burst(statement_page, held=5)
    client.force_login(organiser)
    links = menu_links(client.get("/admin/").content.decode())
    assert links["Review signatures"]["aria-label"] == "Review signatures, 5 new"
