"""The "Get involved" form can ask for updates too: the same words, recorded once the address is confirmed."""

import re

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from core.subscriptions import wording
from core.subscriptions.models import Consent, Subscriber
from tests.form_pages.factories import FormFieldFactory, FormPageFactory
from tests.statements.visitor import path_of

pytestmark = pytest.mark.django_db

ANSWERS = {"your_name": "Ada", "your_email": "Ada@example.org", "website": ""}


@pytest.fixture
def join_page(home_page, site_settings):
    page = FormPageFactory(parent=home_page, title="Get involved", slug="get-involved", offer_updates=True)
    FormFieldFactory(page=page, label="Your name", field_type="singleline", sort_order=0)
    FormFieldFactory(page=page, label="Your email", field_type="email", sort_order=1)
    return page


def test_the_question_shows_only_where_the_editor_offers_it(client, join_page):
    html = client.get("/get-involved/").content.decode()
    box = re.search(r'<input type="checkbox" name="campaign_updates_consent"[^>]*>', html).group(0)
    assert "checked" not in box and wording.text_of(wording.CURRENT) in html
    join_page.offer_updates = False
    join_page.save_revision().publish()
    assert "campaign_updates_consent" not in client.get("/get-involved/").content.decode()


def test_a_tick_waits_for_the_emailed_confirmation(client, join_page):
    client.post("/get-involved/", {**ANSWERS, "campaign_updates_consent": "on"})

    assert FormSubmission.objects.count() == 1
    assert "campaign_updates_consent" not in FormSubmission.objects.get().form_data
    assert not Subscriber.objects.receiving().exists()  # anyone may type anyone's address
    ask = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    assert wording.text_of(wording.CURRENT) in ask.body and "“Get involved”" in ask.body
    link = path_of(re.search(r"https?://\S+/your-data/confirm-updates/\?token=\S+", ask.body).group(0))

    page = client.get(link).content.decode()  # opening the link (a mail scanner) changes nothing
    assert not Subscriber.objects.receiving().exists()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    client.post("/your-data/confirm-updates/", {"token": token})

    subscriber = Subscriber.objects.receiving().get()
    assert subscriber.email == "ada@example.org"
    consent = Consent.objects.get()
    assert (consent.form, consent.wording_version) == ("the “Get involved” form", wording.CURRENT)
    assert consent.confirmed_at is not None


def test_no_tick_no_consent(client, join_page):
    client.post("/get-involved/", ANSWERS)
    assert FormSubmission.objects.count() == 1
    assert not Subscriber.objects.exists()
    assert all(m.to != ["ada@example.org"] for m in mail.outbox)


def test_a_tampered_confirmation_link_gets_a_clear_page(client, join_page):
    response = client.post("/your-data/confirm-updates/", {"token": "made-up"})
    assert response.status_code == 400 and "This link does not work" in response.content.decode()
