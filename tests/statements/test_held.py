"""Limits that hold back instead of refusing: a busy network's signatures are saved, held and released later."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from core.schedule import scheduled_jobs
from statements import review, signing
from statements.models import Signature
from tests.html import visible_text
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import PERSON, confirm, link_in, sign

pytestmark = pytest.mark.django_db


def shape(location):
    """A redirect's address without its signed link, which differs for every signature."""
    return re.sub(r"signature=[^&]+", "signature=…", location)


def confirmation_emails():
    return [message for message in mail.outbox if "Please confirm your signature" in message.subject]


def test_fifty_signatures_from_one_address_are_all_saved_the_budget_emailed_the_rest_held_then_released(
    client, statement_page, site_settings, organiser, settings
):
    """A meeting on one Wi-Fi: nobody is turned away; an organiser releases the held, and the count follows exactly."""
    assert settings.SIGNING_EMAIL_BUDGET == 10  # the default
    for number in range(50):
        response = sign(client, statement_page, email=f"member{number}@example.org", name=f"Member {number}")
        assert response.status_code == 302
        assert response["Location"].startswith("/statement/sign/done/?signature=")  # the held told as everyone

    assert Signature.objects.count() == 50
    assert len(confirmation_emails()) == 10
    assert Signature.objects.held().count() == 40
    assert set(Signature.objects.held().values_list("held_because", flat=True)) == {"network"}
    assert statement_page.counts()["total"] == 0

    client.force_login(organiser)
    network = Signature.objects.values_list("network", flat=True).first()
    group = review.Group(by="network", key=network, days=2)  # as the review screen links to it
    dry_run = visible_text(client.get(group.url))
    assert "50 signatures in this group" in dry_run
    assert "40 held for review" in dry_run
    released = client.post(group.url.split("?")[0], {**group.params(), "action": "release", "seen": 40})
    assert released.status_code == 302
    assert "40 held signatures released" in visible_text(client.get(released["Location"]))

    assert Signature.objects.held().count() == 0
    emails = confirmation_emails()
    assert len(emails) == 50
    assert sorted(message.to[0] for message in emails) == sorted(f"member{n}@example.org" for n in range(50))
    for message in emails:
        assert confirm(client, link_in(message, "confirm")).status_code == 302
    assert statement_page.counts()["total"] == 50
    call_command("recount_signatures", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert statement_page.counts()["total"] == 50


def test_a_held_signing_looks_to_the_visitor_exactly_like_any_other(client, statement_page, site_settings, settings):
    settings.SIGNING_EMAIL_BUDGET = 1
    emailed = sign(client, statement_page, email="first@example.org")
    held = sign(client, statement_page, email="second@example.org")
    assert Signature.objects.get(email="second@example.org").is_held
    assert held.status_code == emailed.status_code == 302
    assert shape(held["Location"]) == shape(emailed["Location"])
    assert "Check your inbox" in visible_text(client.get(held["Location"]))
    assert len(mail.outbox) == 1


def test_each_ipv6_64_network_has_its_own_budget(client, statement_page, site_settings, settings):
    settings.SIGNING_EMAIL_BUDGET = 1

    def sign_from(address, email):
        client.post(f"{statement_page.url}sign/", {**PERSON, "email": email}, REMOTE_ADDR=address)

    sign_from("2001:db8:1:2::1", "a@example.org")
    sign_from("2001:db8:1:2::99", "b@example.org")  # the same /64
    sign_from("2001:db8:1:3::1", "c@example.org")  # the next /64
    held = set(Signature.objects.held().values_list("email", flat=True))
    assert held == {"b@example.org"}
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("address", ["someone@mailinator.com", "someone@eu.mailinator.com"])
def test_disposable_addresses_are_held_without_an_email(client, statement_page, site_settings, address):
    response = sign(client, statement_page, email=address)
    assert response["Location"].startswith("/statement/sign/done/?signature=")
    signature = Signature.objects.get()
    assert signature.held_because == Signature.HeldBecause.DISPOSABLE
    assert mail.outbox == []


def test_held_signatures_never_count_never_show_and_signing_again_sends_nothing(
    client, statement_page, site_settings, settings
):
    settings.SIGNING_EMAIL_BUDGET = 0
    sign(client, statement_page, email="held@example.org", name="Held Person")
    signature = Signature.objects.get()
    assert signature.is_held and signature.network and "127.0.0.1" not in signature.network

    sign(client, statement_page, email="held@example.org", name="Held Person")
    assert mail.outbox == []
    assert signing.confirm(signature) is False  # no link went out; none made by hand counts either
    assert statement_page.counts()["total"] == 0
    for url in (statement_page.url, f"{statement_page.url}signatories/"):
        assert "Held Person" not in visible_text(client.get(url))


def test_signing_twice_answers_as_for_anyone_so_it_tells_no_one_a_signature_was_held(
    client, statement_page, site_settings, settings
):
    settings.SIGNING_EMAIL_BUDGET = 1
    sign(client, statement_page, email="emailed@example.org")
    sign(client, statement_page, email="held@example.org")
    assert Signature.objects.get(email="held@example.org").is_held
    emailed_again = sign(client, statement_page, email="emailed@example.org")
    held_again = sign(client, statement_page, email="held@example.org")
    assert emailed_again["Location"].startswith("/statement/sign/done/?sent=0&after=")
    assert held_again["Location"].startswith("/statement/sign/done/?sent=0&after=")

    later = timezone.now() - timedelta(seconds=signing.RESEND_INTERVAL + 1)
    Signature.objects.update(created_at=later)
    emailed_later = sign(client, statement_page, email="emailed@example.org")["Location"]
    held_later = sign(client, statement_page, email="held@example.org")["Location"]
    assert shape(emailed_later) == shape(held_later) == "/statement/sign/done/?signature=…"
    assert [message.to for message in mail.outbox] == [["emailed@example.org"], ["emailed@example.org"]]


def test_the_ceiling_is_the_only_refusal_and_far_above_any_meeting(settings):
    ceiling, period = settings.RATE_LIMITS["sign"]
    assert (ceiling, period) == (2000, 3600)


def test_the_nightly_purge_keeps_held_signatures_for_an_organiser(statement_page):
    old = timezone.now() - timedelta(days=90)
    SignatureFactory(
        page=statement_page, unconfirmed=True, created_at=old, held_because="network", email="h@example.org"
    )
    SignatureFactory(page=statement_page, unconfirmed=True, created_at=old, email="w@example.org")
    call_command("purge_unconfirmed_signatures", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(Signature.objects.values_list("email", flat=True)) == ["h@example.org"]


def test_networks_are_forgotten_after_thirty_days(statement_page):
    old = SignatureFactory(page=statement_page, network="a" * 32, created_at=timezone.now() - timedelta(days=31))
    new = SignatureFactory(page=statement_page, network="b" * 32, created_at=timezone.now() - timedelta(days=29))
    call_command("forget_signing_networks", stdout=open("/dev/null", "w"))  # noqa: SIM115
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.network, new.network) == ("", "b" * 32)


def test_forgetting_networks_is_a_nightly_job():
    assert "statements.tasks.forget_signing_networks" in scheduled_jobs()


def test_organisers_hear_once_an_hour_when_one_network_passes_the_threshold(
    client, statement_page, site_settings, settings
):
    settings.REVIEW_ALERTS = {"network": 3, "domain": 1000}
    for number in range(6):
        sign(client, statement_page, email=f"p{number}@example.org")
    alerts = [message for message in mail.outbox if message.to == ["info@example.org"]]
    assert len(alerts) == 1
    assert "3 signatures from one network within the hour" in alerts[0].subject
    network = Signature.objects.values_list("network", flat=True).first()
    assert review.Group(by="network", key=network, days=2).url in alerts[0].body
    assert "127.0.0.1" not in alerts[0].body


def test_organisers_hear_when_one_email_domain_passes_the_threshold(client, statement_page, site_settings, settings):
    settings.REVIEW_ALERTS = {"network": 1000, "domain": 2}
    for number, domain in enumerate(["one.example", "two.example", "one.example", "one.example"]):
        sign(client, statement_page, email=f"p{number}@{domain}")
    alerts = [message for message in mail.outbox if message.to == ["info@example.org"]]
    assert len(alerts) == 1
    assert "2 signatures from one.example addresses within the hour" in alerts[0].subject
