"""An update about a statement's hand-in or response: offered once it is published, drafted from it, sent once.

"Write an update about this" makes a draft news update linked to the step; the editor publishes it and
emails it through the usual preview and confirmation. One step has one update (the database refuses a
second), and each subscriber gets that update once however often it is sent: nobody is emailed twice
about the same step.
"""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.formats import date_format

from campaign.news.models import UpdatePage, UpdateSend
from tests.conftest import make_user
from tests.html import visible_text
from tests.news.factories import UpdateIndexPageFactory
from tests.news.test_sends import send_confirmed, subscribe
from tests.statements.factories import SignatureFactory
from tests.statements.outcome_factories import (
    AnswerFactory,
    HandInFactory,
    TargetFactory,
    days_ago,
    launched,
    published,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_page, site_settings):
    return UpdateIndexPageFactory(parent=home_page)


@pytest.fixture
def statement(statement_page, news):
    SignatureFactory.create_batch(3, page=statement_page)
    return launched(statement_page)


@pytest.fixture
def hand_in(statement):
    nec = TargetFactory(name="Labour’s NEC")
    step = HandInFactory(
        page=statement, target=nec, signature_count=3, handed_in_by="Three members", place="Party HQ", date=days_ago(2)
    )
    return published(step)


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


def announce_url(kind, step):
    return f"/admin/news/announce/{kind}/{step.pk}/"


def test_a_published_hand_in_offers_an_update_that_starts_as_a_draft_about_it(organiser_client, hand_in, statement):
    edit_screen = organiser_client.get(f"/admin/snippets/statements/handin/edit/{hand_in.pk}/").content.decode()
    assert "Write an update about this" in edit_screen and announce_url("hand-in", hand_in) in edit_screen

    asked = visible_text(organiser_client.get(announce_url("hand-in", hand_in)))
    assert "We handed in the statement to Labour’s NEC" in asked
    assert f"On {date_format(days_ago(2), 'j F Y')}, Three members handed in 3 signatures to Labour’s NEC" in asked
    assert not UpdatePage.objects.exists()  # asking makes nothing

    response = organiser_client.post(announce_url("hand-in", hand_in))
    update = UpdatePage.objects.get()
    assert response.url == f"/admin/pages/{update.pk}/edit/"
    assert not update.live and update.about_hand_in == hand_in
    assert update.title == "We handed in the statement to Labour’s NEC"
    body = [block.block_type for block in update.body]
    assert body == ["paragraph", "paragraph"]
    assert f'linktype="page" id="{statement.pk}"' in update.body[1].value.source  # a link that follows the page

    edit_screen = organiser_client.get(f"/admin/snippets/statements/handin/edit/{hand_in.pk}/").content.decode()
    assert "See the update about this" in edit_screen and "Write an update about this" not in edit_screen


def test_one_update_per_step_and_each_subscriber_emailed_about_it_once(organiser_client, hand_in, news):
    organiser_client.post(announce_url("hand-in", hand_in))
    again = organiser_client.post(announce_url("hand-in", hand_in))
    update = UpdatePage.objects.get()  # still one
    assert again.url == f"/admin/pages/{update.pk}/edit/"
    with pytest.raises((IntegrityError, ValidationError)), transaction.atomic():  # refused, however it is made
        news.add_child(instance=UpdatePage(title="Another", slug="another", about_hand_in=hand_in))

    update.save_revision().publish()
    subscribe("a@example.org", "b@example.org")
    send_confirmed(organiser_client, update)
    send_confirmed(organiser_client, update)  # pressed again once the first send is done: no one left to send to
    about_it = [message.to[0] for message in mail.outbox if message.subject == update.title]
    assert sorted(about_it) == ["a@example.org", "b@example.org"]

    copy = update.copy(to=news, update_attrs={"slug": "a-copy", "title": "A copy"})
    assert copy.about_hand_in is None  # a copied update announces nothing


def test_a_response_update_quotes_the_answer_and_its_email_carries_the_quote(organiser_client, statement):
    answer = published(
        AnswerFactory(
            page=statement, answered_by="The General Secretary", quote="We back it.", link="https://example.org/r"
        )
    )
    organiser_client.post(announce_url("response", answer))
    update = UpdatePage.objects.get(about_answer=answer)
    assert update.title == "The General Secretary answered our statement"
    assert [block.block_type for block in update.body] == ["quote", "paragraph", "paragraph"]

    update.save_revision().publish()
    subscribe("a@example.org")
    send_confirmed(organiser_client, update)
    [message] = mail.outbox
    assert "We back it." in message.body and "The General Secretary" in message.body
    assert "https://example.org/r" in message.alternatives[0][0]


def test_a_draft_step_cannot_be_announced(organiser_client, statement):
    draft = HandInFactory(page=statement)
    response = organiser_client.post(announce_url("hand-in", draft), follow=True)
    assert "Publish the hand-in first: an update announces what visitors can already see." in visible_text(response)
    assert not UpdatePage.objects.exists()
    edit_screen = organiser_client.get(f"/admin/snippets/statements/handin/edit/{draft.pk}/").content.decode()
    assert "Write an update about this" not in edit_screen


def test_publishing_a_hand_in_offers_to_write_its_update(organiser_client, statement):
    data = {
        "page": statement.pk,
        "date": days_ago(0).isoformat(),
        "signature_count": "",
        "place": "The town hall",
        "handed_in_by": "Us",
        "target": "",
        "photo": "",
        "photo_alt": "",
        "action-publish": "action-publish",
    }
    response = organiser_client.post("/admin/snippets/statements/handin/add/", data, follow=True)
    assert "Tell subscribers with a news update?" in visible_text(response)
    assert "Write an update about this" in response.content.decode()


def test_someone_who_may_not_write_updates_cannot_make_one(client, hand_in):
    client.force_login(make_user("viewer", permissions=["wagtailadmin.access_admin", "statements.view_handin"]))
    refused = client.post(announce_url("hand-in", hand_in))
    assert refused.status_code == 403 or refused["Location"] == "/admin/"  # Wagtail's "no permission"
    assert client.get(announce_url("petition", hand_in)).status_code == 404
    assert not UpdatePage.objects.exists()


def delete_url(page):
    return f"/admin/pages/{page.pk}/delete/"


def emailed_update_about(organiser_client, hand_in):
    organiser_client.post(announce_url("hand-in", hand_in))
    update = UpdatePage.objects.get(about_hand_in=hand_in)
    update.save_revision().publish()
    subscribe("a@example.org")
    send_confirmed(organiser_client, update)
    return update


def test_an_emailed_update_cannot_be_deleted_so_its_step_stays_announced(organiser_client, hand_in):
    """Deleting it would empty the step's link and let a second update email everyone about it again."""
    update = emailed_update_about(organiser_client, hand_in)
    assert delete_url(update) not in organiser_client.get(f"/admin/pages/{update.pk}/edit/").content.decode()
    for response in (organiser_client.get(delete_url(update)), organiser_client.post(delete_url(update))):
        assert response.status_code == 302 and response.url == "/admin/"  # Wagtail's "no permission"
    bulk_url = f"/admin/bulk/wagtailcore/page/delete/?id={update.pk}"
    assert "You don't have permission to delete this page" in visible_text(organiser_client.get(bulk_url))
    organiser_client.post(bulk_url)

    assert UpdatePage.objects.get(pk=update.pk).about_hand_in == hand_in
    again = organiser_client.post(announce_url("hand-in", hand_in))
    assert again.url == f"/admin/pages/{update.pk}/edit/"  # still the one update about it
    unpublished = organiser_client.post(f"/admin/pages/{update.pk}/unpublish/", {"include_descendants": False})
    assert unpublished.status_code == 302 and not UpdatePage.objects.get(pk=update.pk).live  # it may still go offline


def test_nothing_above_an_emailed_update_deletes_it(client, superuser, organiser_client, hand_in, news):
    """Not even a superuser deleting the news index: the pages below would go with it."""
    update = emailed_update_about(organiser_client, hand_in)
    client.force_login(superuser)
    assert delete_url(update) not in client.get(f"/admin/pages/{update.pk}/edit/").content.decode()
    refused = client.post(delete_url(news), follow=True)
    assert "“News” holds updates that were emailed to subscribers, which are kept" in visible_text(refused)
    bulk = client.post(f"/admin/bulk/wagtailcore/page/delete/?id={news.pk}&next=/admin/pages/", follow=True)
    assert "which are kept" in visible_text(bulk)
    assert UpdatePage.objects.filter(pk=update.pk).exists()


def test_an_update_never_emailed_can_be_deleted_and_its_step_announced_again(organiser_client, hand_in):
    """A draft, or one whose send was cancelled before anyone had it, reached nobody: deleting it frees the step."""
    organiser_client.post(announce_url("hand-in", hand_in))
    update = UpdatePage.objects.get(about_hand_in=hand_in)
    update.save_revision().publish()
    UpdateSend.objects.create(page=update, status=UpdateSend.Status.CANCELLED, prepared=True)
    assert delete_url(update) in organiser_client.get(f"/admin/pages/{update.pk}/edit/").content.decode()
    response = organiser_client.post(delete_url(update))
    assert response.status_code == 302 and not UpdatePage.objects.exists()
    edit_screen = organiser_client.get(f"/admin/snippets/statements/handin/edit/{hand_in.pk}/").content.decode()
    assert "Write an update about this" in edit_screen
