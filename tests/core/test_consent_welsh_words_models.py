"""The updates question in the visitor's language, and the words a person agreed to kept in the language they read
(#29): the Welsh sign form asks in Welsh, the consent records Welsh, and their "your data" page shows those words."""

import re

import pytest
from django.core import mail
from django.utils import translation

from core.subscriptions import consent, wording
from core.subscriptions.models import Consent, Subscriber
from core.subscriptions.tokens import person_token
from tests.statements.visitor import confirm, link_in, path_of, sign

pytestmark = pytest.mark.django_db

WELSH = wording.text_of(wording.CURRENT, "cy")
ENGLISH = wording.text_of(wording.CURRENT, "en-gb")


def your_data_link(message):
    return path_of(re.search(r"https?://\S+/your-data/\?token=\S+", message.body).group(0))


def test_the_welsh_sign_form_asks_in_welsh_and_the_english_one_in_english(client, statement_page, welsh_statement):
    welsh_page = client.get(welsh_statement.url).content.decode()
    english_page = client.get(statement_page.url).content.decode()
    assert WELSH.startswith("Anfonwch ddiweddariadau’r ymgyrch ataf")
    assert WELSH in welsh_page and ENGLISH not in welsh_page
    assert ENGLISH in english_page and WELSH not in english_page


def test_signing_in_welsh_records_the_welsh_words_and_shows_them_back(client, statement_page, welsh_statement):
    sign(client, welsh_statement, keep_informed="on")
    [message] = mail.outbox
    assert WELSH in message.body  # the confirmation repeats the words they ticked
    confirm(client, link_in(message, "confirm"))

    consent = Consent.objects.get()
    assert (consent.wording_version, consent.wording_language) == (wording.CURRENT, "cy")
    assert consent.wording == WELSH

    page = client.get(your_data_link(message)).content.decode()
    assert WELSH in page and ENGLISH not in page
    assert "Yn derbyn diweddariadau" in page  # the address's status, in Welsh too


def test_signing_in_english_records_the_english_words_as_before(client, statement_page, welsh_statement):
    sign(client, statement_page, keep_informed="on")
    confirm(client, link_in(mail.outbox[0], "confirm"))

    consent = Consent.objects.get()
    assert (consent.wording_language, consent.wording) == ("en-gb", ENGLISH)
    page = client.get(your_data_link(mail.outbox[0])).content.decode()
    assert ENGLISH in page and "Receiving updates" in page


def test_the_recorded_words_show_in_the_language_recorded_whatever_the_page(client, home_page):
    subscriber = Subscriber.objects.create(email="rosa@example.org", status=Subscriber.Status.SUBSCRIBED)
    Consent.objects.create(subscriber=subscriber, form="a form", wording_version=wording.CURRENT, wording_language="cy")
    page = client.get("/your-data/", {"token": person_token("rosa@example.org")}).content.decode()
    assert f"you chose “{WELSH}”" in page  # they read Welsh: an English page shows what they read
    assert f"you chose “{ENGLISH}”" not in page  # (the footer's own question is the page's, in English)


def test_existing_consents_are_english_and_an_unknown_version_is_a_plain_note(home_page):
    subscriber = Subscriber.objects.create(email="rosa@example.org")
    consent = Consent.objects.create(subscriber=subscriber, form="a form", wording_version=wording.CURRENT)
    assert consent.wording_language == "en-gb" and consent.wording == ENGLISH
    with translation.override("cy"):
        assert consent.wording == ENGLISH  # a Welsh page shows the English they read
        assert wording.text_of("2026-01") == "(wording 2026-01)"
    assert wording.shown_language(wording.CURRENT, "fr") == "en-gb"  # a language without words shows English


def test_the_footer_form_on_a_welsh_page_records_welsh_words_and_its_welsh_name(client, welsh_locale, site_settings):
    response = client.post("/cy/email-updates/", {"updates-email": "ada@example.org", "updates-website": ""})
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert (consent.wording_language, consent.wording) == ("cy", WELSH)
    assert consent.form == "y ffurflen ddiweddariadau ar waelod tudalennau’r wefan"  # as the person saw it


def test_the_email_asking_to_confirm_a_welsh_consent_is_welsh_wherever_it_is_queued(
    home_page, site_settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        consent.record_unconfirmed("ada@example.org", "a form", wording.CURRENT, "http://testserver/", language="cy")
    [message] = mail.outbox  # queued here in English (as an organiser's action would be)
    assert message.body.startswith("Helo") and WELSH in message.body and ENGLISH not in message.body


def test_the_form_a_consent_came_from_is_named_in_the_language_the_person_used(client, statement_page, welsh_statement):
    sign(client, welsh_statement, keep_informed="on", email="cymraeg@example.org")
    sign(client, statement_page, keep_informed="on", email="english@example.org")
    for message in mail.outbox:
        confirm(client, link_in(message, "confirm"))

    names = dict(Consent.objects.values_list("subscriber__email", "form"))
    assert names["cymraeg@example.org"] == f"y ffurflen lofnodi ar gyfer “{statement_page.title}”"
    assert names["english@example.org"] == f"the signing form of “{statement_page.title}”"
    welsh_message = next(message for message in mail.outbox if "cymraeg@example.org" in message.to)
    page = client.get(your_data_link(welsh_message)).content.decode()
    assert "y ffurflen lofnodi ar gyfer" in page
