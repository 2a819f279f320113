"""Targets, hand-ins and responses in the admin: the rules with the messages an organiser reads, drafts, publishing.

A hand-in or response dated before the statement was launched, or in the future, is refused; a
response needs a quote, a link or a document, and someone who answered. Publishing or unpublishing one
changes the statement page at once, cached or not.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.formats import date_format
from wagtail.documents import get_document_model

from core.publish_clock import current_generation
from statements.models import Answer, Ask, HandIn, Target
from tests.html import visible_text
from tests.statements.factories import SignatureFactory
from tests.statements.outcome_factories import (
    AnswerFactory,
    AskFactory,
    HandInFactory,
    TargetFactory,
    days_ago,
    launched,
    published,
)

pytestmark = pytest.mark.django_db

HAND_INS = "/admin/snippets/statements/handin/"
ANSWERS = "/admin/snippets/statements/answer/"
TARGETS = "/admin/snippets/statements/target/"
ASKS = "/admin/snippets/statements/ask/"


@pytest.fixture
def statement(statement_page, site_settings):
    return launched(statement_page, days=30)


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


def hand_in_form(statement, **changes):
    return {
        "page": statement.pk,
        "date": days_ago(2).isoformat(),
        "signature_count": "",
        "place": "Party head office",
        "handed_in_by": "Three branch secretaries",
        "target": "",
        "photo": "",
        "photo_alt": "",
        **changes,
    }


def answer_form(statement, **changes):
    return {
        "page": statement.pk,
        "date": days_ago(1).isoformat(),
        "target": "",
        "answered_by": "The General Secretary",
        "quote": "We will put it to the committee.",
        "link": "",
        "document": "",
        **changes,
    }


def publish(client, url, data):
    """Press "Publish" on an add or edit screen."""
    return client.post(url, {**data, "action-publish": "action-publish"})


def errors_on(response):
    assert response.status_code == 200, "the form should come back with its errors"
    return visible_text(response)


def test_a_response_dated_before_the_launch_is_refused_saying_when_it_launched(organiser_client, statement):
    response = publish(organiser_client, f"{ANSWERS}add/", answer_form(statement, date=days_ago(31).isoformat()))
    launch_day = date_format(days_ago(30), "j F Y")
    assert f"The statement was launched on {launch_day}: a response cannot be dated before that." in errors_on(response)
    assert not Answer.objects.exists()


def test_a_hand_in_dated_before_the_launch_is_refused_too(organiser_client, statement):
    response = publish(organiser_client, f"{HAND_INS}add/", hand_in_form(statement, date=days_ago(31).isoformat()))
    assert "a hand-in cannot be dated before that" in errors_on(response)
    assert not HandIn.objects.exists()


@pytest.mark.parametrize(
    ("url", "form", "noun"), [(HAND_INS, hand_in_form, "hand-in"), (ANSWERS, answer_form, "response")]
)
def test_a_date_in_the_future_is_refused_even_for_a_draft(organiser_client, statement, url, form, noun):
    tomorrow = days_ago(-1).isoformat()
    for data in (
        {**form(statement, date=tomorrow), "action-publish": "action-publish"},
        form(statement, date=tomorrow),
    ):
        response = organiser_client.post(f"{url}add/", data)
        assert f"This date is in the future: record the {noun} on or after the day it happens." in errors_on(response)
    assert not HandIn.objects.exists() and not Answer.objects.exists()


def test_the_launch_day_itself_and_today_are_accepted(organiser_client, statement):
    for day in (days_ago(30), days_ago(0)):
        response = publish(organiser_client, f"{ANSWERS}add/", answer_form(statement, date=day.isoformat()))
        assert response.status_code == 302
    assert Answer.objects.filter(live=True).count() == 2


def test_a_response_with_no_quote_link_or_document_is_refused(organiser_client, statement):
    response = publish(organiser_client, f"{ANSWERS}add/", answer_form(statement, quote="   "))
    text = errors_on(response)
    assert "Give their answer: a quote, a link to it or an uploaded document (or more than one)." in text
    assert not Answer.objects.exists()


@pytest.mark.parametrize("answer", [{"quote": "Yes."}, {"link": "https://example.org/reply"}, {"document": "file"}])
def test_a_quote_a_link_or_a_document_alone_is_enough(organiser_client, statement, answer):
    if answer.get("document"):
        upload = SimpleUploadedFile("reply.pdf", b"%PDF-1.4 a reply", content_type="application/pdf")
        answer = {"document": get_document_model().objects.create(title="Their letter", file=upload).pk}
    response = publish(organiser_client, f"{ANSWERS}add/", answer_form(statement, **{"quote": "", **answer}))
    assert response.status_code == 302
    assert Answer.objects.get().live


def test_a_response_says_who_answered_a_target_or_a_name(organiser_client, statement):
    response = publish(organiser_client, f"{ANSWERS}add/", answer_form(statement, answered_by=""))
    assert "Say who answered: choose one of the targets, or type a name here." in errors_on(response)
    nec = TargetFactory(name="The NEC")
    response = publish(organiser_client, f"{ANSWERS}add/", answer_form(statement, answered_by="", target=nec.pk))
    assert response.status_code == 302
    assert str(Answer.objects.get()).startswith("Response from The NEC")


def test_a_new_hand_in_starts_on_the_statement_with_its_count_which_the_organiser_may_change(
    organiser_client, statement
):
    SignatureFactory.create_batch(3, page=statement)
    SignatureFactory(page=statement, confirmed_at=None)  # not confirmed: not counted
    html = organiser_client.get(f"{HAND_INS}add/").content.decode()
    assert 'name="signature_count" value="3"' in html
    assert f'<option value="{statement.pk}" selected>' in html

    publish(organiser_client, f"{HAND_INS}add/", hand_in_form(statement, signature_count="250", place="Paper and web"))
    assert HandIn.objects.get(place="Paper and web").signature_count == 250
    publish(organiser_client, f"{HAND_INS}add/", hand_in_form(statement, place="Left empty"))
    assert HandIn.objects.get(place="Left empty").signature_count == 3  # the kept count at the time


def test_a_draft_stays_off_the_page_and_publishing_or_unpublishing_changes_even_a_cached_page(
    organiser_client, statement, settings
):
    settings.PAGE_CACHE_SECONDS = 30
    settings.PAGE_CACHE_LOCAL_SECONDS = 1
    visitor = Client()
    assert "Handed in" not in visible_text(visitor.get(statement.url))
    assert visitor.get(statement.url)["X-Page-Cache"] == "hit"

    organiser_client.post(f"{HAND_INS}add/", hand_in_form(statement))  # "Save draft"
    hand_in = HandIn.objects.get()
    assert not hand_in.live
    assert "Handed in" not in visible_text(visitor.get(statement.url))

    clock = current_generation()
    publish(organiser_client, f"{HAND_INS}edit/{hand_in.pk}/", hand_in_form(statement))
    assert current_generation() != clock
    # No one has signed: the hand-in carried the statement, not "0 signatures".
    assert "Three branch secretaries handed in the statement at Party head office." in visible_text(
        visitor.get(statement.url)
    )

    organiser_client.post(f"{HAND_INS}unpublish/{hand_in.pk}/")
    assert not HandIn.objects.get().live
    assert "Handed in" not in visible_text(visitor.get(statement.url))


def test_deleting_a_published_response_takes_it_off_the_page(organiser_client, statement):
    answer = published(AnswerFactory(page=statement, quote="Never."))
    assert "Never." in visible_text(Client().get(statement.url))
    organiser_client.post(f"{ANSWERS}delete/{answer.pk}/")
    assert not Answer.objects.exists()
    assert "Never." not in visible_text(Client().get(statement.url))


def test_organisers_keep_targets_and_say_whom_each_statement_asks(organiser_client, statement):
    response = organiser_client.post(
        f"{TARGETS}add/", {"name": "Unite’s Executive Council", "description": "The union’s executive.", "link": ""}
    )
    assert response.status_code == 302
    target = Target.objects.get()
    response = organiser_client.post(
        f"{ASKS}add/", {"page": statement.pk, "target": target.pk, "what_we_ask": "to back it", "threshold": "1000"}
    )
    assert response.status_code == 302
    assert Ask.objects.get().threshold == 1000
    again = organiser_client.post(f"{ASKS}add/", {"page": statement.pk, "target": target.pk, "threshold": ""})
    assert again.status_code == 200 and not Ask.objects.filter(threshold=None).exists()  # one ask per target
    assert "We ask them to back it when we reach 1,000 signatures." in visible_text(Client().get(statement.url))


def test_a_target_a_statement_asks_cannot_be_deleted(organiser_client, statement):
    ask = AskFactory(page=statement)
    organiser_client.post(f"{TARGETS}delete/{ask.target.pk}/")
    assert Target.objects.filter(pk=ask.target.pk).exists()


def test_a_plain_editor_cannot_record_hand_ins_or_responses(client, editor, statement):
    client.force_login(editor)
    for url in (HAND_INS, f"{HAND_INS}add/", ANSWERS, TARGETS):
        response = client.get(url)
        assert response.status_code in (302, 403)
    publish(client, f"{ANSWERS}add/", answer_form(statement))
    assert not Answer.objects.exists()


def test_the_organisers_menu_has_targets_and_responses(organiser_client, statement):
    published(HandInFactory(page=statement))
    for url in (TARGETS, ASKS, HAND_INS, ANSWERS):
        assert organiser_client.get(url).status_code == 200
    text = visible_text(organiser_client.get(HAND_INS))
    assert "Party head office, London" in text and "Live" in text
    assert "Targets and responses" in organiser_client.get("/admin/").content.decode()
