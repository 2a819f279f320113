"""An update goes to each subscriber in their language (#29): the Welsh translation to Welsh subscribers.

A subscriber whose language is Welsh gets the update's published Welsh translation, in
Welsh email words, with its Welsh address; one whose language is English, the original.
The batch is grouped by language: no query per subscriber, each gets it once.
"""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaign.news import sending
from campaign.news.models import UpdateSend
from core.subscriptions.models import Subscriber
from tests.news.factories import UpdateIndexPageFactory, UpdatePageFactory

pytestmark = pytest.mark.django_db

BODY = [("heading", "What happened"), ("paragraph", "<p>Three hundred came to the hall.</p>")]
WELSH_BODY = [("heading", "Beth ddigwyddodd"), ("paragraph", "<p>Daeth tri chant i’r neuadd.</p>")]


@pytest.fixture
def update(home_page, site_settings):
    news = UpdateIndexPageFactory(parent=home_page)
    page = UpdatePageFactory(parent=news, title="Our big meeting", standfirst="Three hundred came.")
    page.body = BODY
    page.save_revision().publish()
    return page


@pytest.fixture
def welsh_update(update, welsh_locale):
    news = update.get_parent().specific.copy_for_translation(welsh_locale)
    news.title, news.slug = "Newyddion", "newyddion"
    news.save_revision().publish()
    welsh = update.copy_for_translation(welsh_locale)
    welsh.title, welsh.slug, welsh.standfirst = "Ein cyfarfod mawr", "ein-cyfarfod-mawr", "Daeth tri chant."
    welsh.body = WELSH_BODY
    welsh.save_revision().publish()
    welsh.refresh_from_db()
    return welsh


def subscribe(email, language):
    return Subscriber.objects.create(email=email, status=Subscriber.Status.SUBSCRIBED, language=language)


def send(update):
    """The send as the worker runs it: prepared, then batch after batch until none is left."""
    record = UpdateSend.objects.create(page=update, revision=update.get_latest_revision())
    while sending.send_batch(record.pk):
        pass
    record.refresh_from_db()
    return record


def to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_a_welsh_subscriber_gets_the_welsh_update_and_an_english_one_the_english(update, welsh_update):
    subscribe("gwen@example.org", "cy")
    subscribe("ada@example.org", "en-gb")

    record = send(update)

    [welsh] = to("gwen@example.org")
    [english] = to("ada@example.org")
    assert welsh.subject == "Ein cyfarfod mawr"
    assert "Daeth tri chant i’r neuadd." in welsh.body and "BETH DDIGWYDDODD" in welsh.body
    assert f"http://testserver{welsh_update.url}" in welsh.body and welsh_update.url.startswith("/cy/")
    assert "Darllenwch ef ar y wefan:" in welsh.body  # the email's own words in Welsh
    assert "Three hundred" not in welsh.body and "Read it on the website" not in welsh.body
    assert "Darllenwch ef ar y wefan" in welsh.alternatives[0][0]
    assert english.subject == "Our big meeting"
    assert "Three hundred came to the hall." in english.body and "Read it on the website:" in english.body
    assert f"http://testserver{update.url}" in english.body and "Daeth" not in english.body
    assert (record.status, record.sent) == ("done", 2)


def test_without_a_translation_a_welsh_subscriber_gets_the_original_in_welsh_words(update, welsh_locale):
    subscribe("gwen@example.org", "cy")

    send(update)

    [message] = to("gwen@example.org")
    assert message.subject == "Our big meeting"
    assert "Three hundred came to the hall." in message.body
    assert f"http://testserver{update.url}" in message.body
    assert "Darllenwch ef ar y wefan:" in message.body


def test_a_draft_translation_is_not_sent(update, welsh_update):
    welsh_update.unpublish()
    subscribe("gwen@example.org", "cy")

    send(update)

    [message] = to("gwen@example.org")
    assert message.subject == "Our big meeting"


def test_a_batch_asks_no_query_per_subscriber(settings, update, welsh_update):
    settings.UPDATE_BATCH_SIZE = 100

    def queries_for(people):
        Subscriber.objects.all().delete()
        UpdateSend.objects.all().delete()
        mail.outbox.clear()
        for number in range(people):
            subscribe(f"cy{number}@example.org", "cy")
            subscribe(f"en{number}@example.org", "en-gb")
        record = UpdateSend.objects.create(page=update, revision=update.get_latest_revision())
        with CaptureQueriesContext(connection) as captured:
            assert sending.send_batch(record.pk)
        assert len(mail.outbox) == 2 * people  # each once
        return len(captured)

    queries_for(1)  # the first fills the process's lookups (the languages' ids, the site's settings)
    assert queries_for(2) == queries_for(20)


def test_emailing_the_welsh_translation_sends_the_one_update_once_to_each(client, organiser, update, welsh_update):
    """The Welsh page's "Email to subscribers" opens the original's send: nobody gets the update twice."""
    subscribe("gwen@example.org", "cy")
    subscribe("ada@example.org", "en-gb")
    send(update)
    client.force_login(organiser)

    response = client.get(f"/admin/news/email/{welsh_update.pk}/")

    assert response.status_code == 302 and response["Location"] == f"/admin/news/email/{update.pk}/"
    assert not UpdateSend.objects.filter(page=welsh_update).exists()
    screen = client.get(response["Location"]).content.decode()
    assert "Our big meeting" in screen
    assert (len(to("gwen@example.org")), len(to("ada@example.org"))) == (1, 1)
