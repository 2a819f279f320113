"""Signed links (core.signed_links): one purpose each, an expiry, bound to the record, and tamper-proof.

The last tests pin the format: links emailed before the apps moved to the
helper (each app signed its own) are read as before, so none breaks on deploy.
"""

import datetime
import hashlib
import time
from urllib.parse import urlencode

import pytest
from django.core import mail, signing

from campaign.events import tokens as event_links
from campaign.events.models import Rsvp
from campaign.motion import tokens as motion_links
from campaign.motion.models import MotionReport
from core.signed_links import BadToken, SignedLink, sign, unsign
from core.subscriptions import tokens as subscription_links
from core.subscriptions.models import Consent, Subscriber
from statements import tokens as statement_links
from statements.models import Signature
from tests.statements.visitor import confirm
from tests.statements.visitor import sign as sign_statement

pytestmark = pytest.mark.django_db

HOUR = 60 * 60


def bound_to_address(subscriber):
    return [subscriber.email]


CONFIRM = SignedLink("tests.confirm", Subscriber.objects, bound_to_address, max_age=HOUR)
WITHDRAW = SignedLink("tests.withdraw", Subscriber.objects, bound_to_address)


@pytest.fixture
def subscriber():
    return Subscriber.objects.create(email="rosa@example.org")


def later(monkeypatch, seconds):
    """Move the clock signed links are checked against `seconds` ahead."""
    moved = time.time() + seconds
    monkeypatch.setattr(time, "time", lambda: moved)


def refused(link, token, **kwargs):
    with pytest.raises(BadToken) as problem:
        link.read(token, **kwargs)
    return problem.value


def test_a_link_names_its_record(subscriber):
    assert WITHDRAW.read(WITHDRAW.make(subscriber)) == subscriber
    assert CONFIRM.read(CONFIRM.make(subscriber)) == subscriber


def test_a_confirm_link_is_refused_as_a_withdraw_link_and_the_other_way(subscriber):
    assert not refused(WITHDRAW, CONFIRM.make(subscriber)).expired
    assert not refused(CONFIRM, WITHDRAW.make(subscriber)).expired


def test_the_apps_links_are_each_for_one_purpose(subscriber):
    signature = Signature(pk=subscriber.pk, email_normalised="rosa@example.org")
    assert statement_links.CONFIRM.make(signature) != statement_links.WITHDRAW.make(signature)
    refused(statement_links.WITHDRAW, statement_links.CONFIRM.make(signature))
    refused(event_links.CONFIRM, event_links.CANCEL.make(Rsvp(pk=subscriber.pk, email="rosa@example.org")))
    refused(motion_links.ANSWER, motion_links.CONFIRM.make(MotionReport(pk=subscriber.pk, email="rosa@example.org")))
    with pytest.raises(BadToken):  # a consent's link does not open the person's page
        subscription_links.read_person_token(subscription_links.CONSENT.make(Consent(pk=1, subscriber=subscriber)))


def test_a_link_expires_after_its_max_age_and_says_so(subscriber, monkeypatch):
    token = CONFIRM.make(subscriber)
    later(monkeypatch, HOUR - 5)
    assert CONFIRM.read(token) == subscriber
    later(monkeypatch, 10)
    assert refused(CONFIRM, token).expired


def test_a_link_without_max_age_still_works_years_later(subscriber, monkeypatch):
    token = WITHDRAW.make(subscriber)
    later(monkeypatch, 5 * 365 * 24 * HOUR)
    assert WITHDRAW.read(token) == subscriber


def test_a_link_stops_working_when_what_it_is_bound_to_changes(subscriber):
    token = WITHDRAW.make(subscriber)
    subscriber.email = "someone.else@example.org"
    subscriber.save()
    assert not refused(WITHDRAW, token).expired


def test_a_link_to_a_deleted_record_names_nothing_even_when_its_id_is_reused(subscriber):
    token = WITHDRAW.make(subscriber)
    pk = subscriber.pk
    subscriber.delete()
    refused(WITHDRAW, token)
    Subscriber.objects.create(pk=pk, email="another@example.org")
    refused(WITHDRAW, token)


def test_a_motion_answer_link_stops_working_when_the_meeting_moves():
    report = MotionReport(pk=7, email="Sec@example.org", meeting_date=datetime.date(2030, 5, 1))
    token = motion_links.ANSWER.make(report)
    confirm_token = motion_links.CONFIRM.make(report)
    report.meeting_date = datetime.date(2030, 6, 1)
    assert motion_links.ANSWER.make(report) != token  # the old email's buttons no longer apply
    assert motion_links.CONFIRM.make(report) == confirm_token  # confirming does not depend on the date


def test_a_record_outside_where_the_caller_looks_is_refused(subscriber):
    token = WITHDRAW.make(subscriber)
    refused(WITHDRAW, token, within=Subscriber.objects.exclude(pk=subscriber.pk))
    assert WITHDRAW.read(token, within=Subscriber.objects.filter(email="rosa@example.org")) == subscriber


def altered(token):
    """`token` with one character of its signature changed."""
    position = len(token) - 3
    return token[:position] + ("A" if token[position] != "A" else "B") + token[position + 1 :]


@pytest.mark.parametrize(
    "change",
    [
        altered,
        lambda token: token[:-4],  # cut short, as a mail program may wrap it
        lambda token: token.split(":")[0],  # the payload alone
        lambda token: "",
        lambda token: "garbage",
        lambda token: "WzEsImFiYyJd:tampered:sig",
        lambda token: token.replace(token.split(":")[0], sign([1, "0" * 16], "tests.withdraw").split(":")[0]),
    ],
)
def test_a_tampered_link_is_refused_as_invalid_not_expired(subscriber, change):
    token = WITHDRAW.make(subscriber)
    assert not refused(WITHDRAW, change(token)).expired


@pytest.mark.parametrize("payload", ["rosa@example.org", [1], [1, 2, 3], ["1", "abc"], {"pk": 1}, None])
def test_a_signed_value_of_another_shape_is_refused(subscriber, payload):
    """Only SECRET_KEY can make these; a reader still answers BadToken, never an error page."""
    refused(WITHDRAW, sign(payload, WITHDRAW.purpose))


def test_a_plain_signed_value_keeps_its_purpose_and_expiry(monkeypatch):
    token = sign(42, "tests.receipt")
    assert unsign(token, "tests.receipt", max_age=HOUR) == 42
    with pytest.raises(BadToken):
        unsign(token, "tests.other")
    later(monkeypatch, HOUR + 1)
    with pytest.raises(BadToken) as problem:
        unsign(token, "tests.receipt", max_age=HOUR)
    assert problem.value.expired


def before_the_helper(pk, bound, salt):
    """A link as each app signed it before core.signed_links (the format emails already sent carry)."""
    digest = hashlib.sha256(f"{pk}:{bound}".encode()).hexdigest()[:16]
    return signing.dumps([pk, digest], salt=salt, compress=False)


def test_links_are_made_exactly_as_before_so_links_already_emailed_keep_working(monkeypatch, subscriber):
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)  # the same second for both
    signature = Signature(pk=41, email_normalised="rosa@example.org")
    rsvp = Rsvp(pk=42, email="Rosa@example.org")
    report = MotionReport(pk=43, email="Sec@Example.org", meeting_date=datetime.date(2030, 5, 1))
    consent = Consent(pk=44, subscriber=subscriber)
    pairs = [
        (statement_links.CONFIRM.make(signature), before_the_helper(41, "rosa@example.org", "statements.confirm")),
        (statement_links.WITHDRAW.make(signature), before_the_helper(41, "rosa@example.org", "statements.withdraw")),
        (event_links.CANCEL.make(rsvp), before_the_helper(42, "Rosa@example.org", "campaign.events.rsvp-cancel")),
        (event_links.CONFIRM.make(rsvp), before_the_helper(42, "Rosa@example.org", "campaign.events.rsvp-confirm")),
        (motion_links.CONFIRM.make(report), before_the_helper(43, "sec@example.org:", "motion.report.confirm")),
        (
            motion_links.ANSWER.make(report),
            before_the_helper(43, "sec@example.org:2030-05-01", "motion.report.answer"),
        ),
        (
            subscription_links.CONSENT.make(consent),
            before_the_helper(44, "rosa@example.org", "core.subscriptions.consent"),
        ),
        (
            subscription_links.person_token("Rosa@Example.org"),
            signing.dumps("rosa@example.org", salt="core.subscriptions.person"),
        ),
    ]
    for made, as_before in pairs:
        assert made == as_before


def test_a_confirm_link_emailed_before_the_helper_still_confirms_the_signature(client, statement_page, site_settings):
    sign_statement(client, statement_page)
    signature = Signature.objects.get()
    old_link = f"{statement_page.url}confirm/?" + urlencode(
        {"token": before_the_helper(signature.pk, signature.email_normalised, "statements.confirm")}
    )
    mail.outbox.clear()

    assert confirm(client, old_link).status_code == 302
    assert Signature.objects.get().confirmed_at is not None
