"""Where an organiser starts an email update: the publish message, the "Email updates" screen, and the confirm step."""

import re

import pytest
from django.core import mail
from wagtail.test.utils.form_data import nested_form_data, streamfield

from campaign.news.models import UpdateSend
from core.subscriptions.models import Subscriber
from tests.html import visible_text
from tests.news.factories import UpdateIndexPageFactory, UpdatePageFactory

pytestmark = pytest.mark.django_db

SENDS_URL = "/admin/news/updatesend/"


@pytest.fixture
def news(home_page, site_settings):
    return UpdateIndexPageFactory(parent=home_page)


@pytest.fixture
def update(news):
    page = UpdatePageFactory(parent=news, title="Our big meeting")
    page.save_revision().publish()
    return page


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


def compose_url(page):
    return f"/admin/news/email/{page.pk}/"


def subscribe(*emails):
    for email in emails:
        Subscriber.objects.create(email=email, status=Subscriber.Status.SUBSCRIBED)


def test_send_first_asks_to_confirm_the_number_of_recipients_and_sends_nothing(organiser_client, update):
    subscribe("a@example.org", "b@example.org")

    asked = organiser_client.post(compose_url(update), {"action": "send"})

    text = visible_text(asked)
    assert "Send “Our big meeting” to 2 subscribers?" in text
    assert "Yes, send to 2 subscribers" in text and "No, go back" in text
    assert not UpdateSend.objects.exists() and mail.outbox == []

    organiser_client.post(compose_url(update), {"action": "confirm", "recipients": "2"})

    assert UpdateSend.objects.get().total == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]


def test_when_the_number_changed_since_it_was_confirmed_it_is_asked_again(organiser_client, update):
    subscribe("a@example.org", "b@example.org")
    organiser_client.post(compose_url(update), {"action": "send"})
    subscribe("c@example.org")  # joined while the organiser read the question

    again = organiser_client.post(compose_url(update), {"action": "confirm", "recipients": "2"})

    assert "The number of subscribers changed" in visible_text(again)
    assert "Yes, send to 3 subscribers" in visible_text(again)
    assert not UpdateSend.objects.exists() and mail.outbox == []


def test_the_confirmation_keeps_the_chosen_audience(organiser_client, update):
    asked = organiser_client.post(compose_url(update), {"action": "send", "organisations": "on"}).content.decode()
    assert re.search(r'<input type="hidden" name="organisations" value="on">', asked)
    assert "organisations’ contacts" in visible_text(asked)


def test_publishing_an_update_offers_to_email_it(client, superuser, update):
    data = nested_form_data(
        {
            "title": "Our big meeting",
            "slug": update.slug,
            "date": "2026-12-01",
            "standfirst": "Three hundred came.",
            "body": streamfield([]),
            "action-publish": "action-publish",
        }
    )
    client.force_login(superuser)
    response = client.post(f"/admin/pages/{update.pk}/edit/", data, follow=True)

    text = visible_text(response)
    assert "“Our big meeting” is published. Email it to subscribers?" in text
    assert compose_url(update) in response.content.decode()


def test_email_updates_before_any_send_explains_how_and_offers_a_new_update(organiser_client, news, update):
    response = organiser_client.get(SENDS_URL)

    text = visible_text(response)
    html = response.content.decode()
    assert "No update has been emailed yet" in text
    assert "confirm the number of subscribers" in text
    assert f'href="/admin/pages/add/news/updatepage/{news.pk}/"' in html and "New update" in text
    assert f'href="{compose_url(update)}"' in html  # the latest published update, a link to email it


def test_email_updates_lists_the_sends_and_still_the_latest_updates(organiser_client, update):
    subscribe("a@example.org")
    organiser_client.post(compose_url(update), {"action": "confirm", "recipients": "1"})

    text = visible_text(organiser_client.get(SENDS_URL))

    assert "No update has been emailed yet" not in text
    assert "Our big meeting" in text and "Progress" in text
    assert "Latest published updates" in text
