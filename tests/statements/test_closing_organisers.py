"""Organisers close and reopen signing: they run the hand-in that closing begins, without editing the statement.

They reach both screens from "Close signing" in the menu (they see no page's edit screen), and each
screen leads back there; a plain editor, who may not publish, still may not.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from statements.models import StatementPage, StatementReopening
from tests.html import visible_text
from tests.statements.factories import StatementPageFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/statements/signing/"


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


def test_an_organiser_closes_signing_from_the_list_and_comes_back_to_it(organiser_client, statement_page, organiser):
    menu = organiser_client.get("/admin/").content.decode()
    assert '"label": "Close signing"' in menu and f'"url": "{LIST_URL}"' in menu  # the sidebar's data
    listed = visible_text(organiser_client.get(LIST_URL))
    assert "Our statement" in listed and "Signing is open." in listed and "Close signing now" in listed
    close_url = f"/admin/statements/{statement_page.pk}/close-signing/"
    assert f'href="{close_url}"' in organiser_client.get(LIST_URL).content.decode()

    asked = organiser_client.get(close_url)
    assert "Close signing “Our statement” now?" in visible_text(asked)
    assert f'href="{LIST_URL}">Cancel' in asked.content.decode()  # not the edit screen they may not open
    assert not StatementPage.objects.get(pk=statement_page.pk).is_closed()

    done = organiser_client.post(close_url, follow=True)
    assert done.redirect_chain == [(LIST_URL, 302)]
    assert "Signing “Our statement” is closed." in visible_text(done)
    page = StatementPage.objects.get(pk=statement_page.pk)
    assert page.is_closed() and page.live_revision.user == organiser  # the page's history says who
    assert "Reopen signing" in visible_text(done) and "Close signing now" not in visible_text(done)


def test_an_organiser_reopens_signing_with_a_reason(organiser_client, statement_page, organiser):
    StatementPage.objects.filter(pk=statement_page.pk).update(closes_at=timezone.now() - timedelta(days=1))
    url = f"/admin/statements/{statement_page.pk}/reopen-signing/"
    assert f'href="{url}"' in organiser_client.get(LIST_URL).content.decode()

    no_reason = organiser_client.post(url, {"reason": "", "closes_at": ""})
    assert "Please say why signing is reopening." in visible_text(no_reason)
    assert StatementPage.objects.get(pk=statement_page.pk).is_closed()

    done = organiser_client.post(url, {"reason": "The hand-in moved to May.", "closes_at": ""})
    assert done["Location"] == LIST_URL
    assert not StatementPage.objects.get(pk=statement_page.pk).is_closed()
    reopening = StatementReopening.objects.get()
    assert (reopening.reopened_by, reopening.reason) == (organiser, "The hand-in moved to May.")


def test_the_list_shows_open_statements_first_and_only_live_ones(organiser_client, home_page, statement_page):
    StatementPageFactory(parent=home_page, title="Anzac statement", slug="anzac", closes_at=timezone.now())
    StatementPageFactory(parent=home_page, title="Unpublished draft", slug="draft", live=False)
    text = visible_text(organiser_client.get(LIST_URL))
    assert text.index("Our statement") < text.index("Anzac statement")  # open first, though later by name
    assert "Unpublished draft" not in text


def test_editors_who_are_not_organisers_get_neither_the_list_nor_the_screens(client, editor, statement_page):
    client.force_login(editor)
    assert '"label": "Close signing"' not in client.get("/admin/").content.decode()
    for response in (
        client.get(LIST_URL),
        client.post(f"/admin/statements/{statement_page.pk}/close-signing/"),
    ):
        assert response.status_code == 403 or response["Location"] == "/admin/"
    assert not StatementPage.objects.get(pk=statement_page.pk).is_closed()
