"""The organiser's "Anonymise now" on a closed statement: who may, what the confirmation says, what it does."""

from datetime import timedelta

import pytest
from django.utils import dateformat, timezone

from statements import anonymise
from statements.models import Signature, StatementPage
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(statement_page):
    StatementPage.objects.filter(pk=statement_page.pk).update(closes_at=timezone.now() - timedelta(days=3))
    statement_page.refresh_from_db()
    SignatureFactory.create_batch(2, page=statement_page)
    SignatureFactory(page=statement_page, organisation_kind=True)
    SignatureFactory(page=statement_page, unconfirmed=True)
    return statement_page


def screen(page):
    return f"/admin/statements/{page.pk}/anonymise/"


def edit_screen(page):
    return f"/admin/pages/{page.pk}/edit/"


CLOSED_LIST = "/admin/statements/closed/"


def test_the_confirmation_says_how_many_lose_their_details_and_that_it_cannot_be_undone(client, organiser, closed):
    client.force_login(organiser)

    page = client.get(screen(closed)).content.decode()

    assert "Anonymise the signatures of “Our statement” now?" in page
    assert "3 signatures will lose their details:" in page
    assert "1 organisation on the public list keeps its name; the person who signed for it does not." in page
    assert "1 signature never confirmed will be deleted." in page
    assert "The counts stay exactly as they are: 3 signatures (2 people, 1 organisation)" in page
    assert "This cannot be undone." in page
    assert ">Yes, anonymise 3 signatures</button>" in page
    assert Signature.objects.exclude(name="").count() == 4  # looking changes nothing


def test_confirming_anonymises_and_keeps_the_counts(client, organiser, closed):
    client.force_login(organiser)

    response = client.post(screen(closed), follow=True)

    assert response.redirect_chain[0][0] == CLOSED_LIST
    page = response.content.decode()
    assert "The signatures of “Our statement” are anonymised. The counts are as they were." in page
    assert "Signers’ details removed on " in page and "Anonymise now" not in page
    assert not Signature.objects.exclude(name="").exists()
    assert closed.counts() == {"people": 2, "organisations": 1, "total": 3}
    again = client.get(screen(closed)).content.decode()
    assert "The signatures of “Our statement” are anonymised" in again and 'class="button no"' not in again


def test_organisers_find_closed_statements_with_when_their_details_go(client, organiser, closed, home_page, settings):
    settings.ANONYMISE_AFTER_MONTHS = 6
    client.force_login(organiser)
    assert "Closed statements" in client.get("/admin/").content.decode()

    page = client.get(CLOSED_LIST).content.decode()

    due = dateformat.format(timezone.localtime(anonymise.due_at(closed)), "j F Y")
    assert "Our statement" in page and f"Signers’ details to be removed on {due}." in page
    assert f'href="{screen(closed)}"' in page


def test_only_organisers_and_superusers_may(client, editor, superuser, closed):
    client.force_login(editor)
    for refused in (client.get(screen(closed)), client.post(screen(closed)), client.get(CLOSED_LIST)):
        assert (refused.status_code, refused.url) == (302, "/admin/")  # Wagtail's "no permission"
    assert "do not have permission" in client.get(screen(closed), follow=True).content.decode()
    assert "Closed statements" not in client.get("/admin/").content.decode()
    assert Signature.objects.exclude(name="").count() == 4

    client.force_login(superuser)
    assert client.get(screen(closed)).status_code == 200


def test_an_open_statement_cannot_be_anonymised(client, organiser, statement_page):
    SignatureFactory(page=statement_page, name="Still signing")
    client.force_login(organiser)

    response = client.post(screen(statement_page), follow=True)

    assert "is still open: its signatures are anonymised only once it closes" in response.content.decode()
    assert Signature.objects.get().name == "Still signing"


def test_the_button_shows_on_a_closed_statement_to_those_who_may_until_it_is_done(client, editor, superuser, closed):
    client.force_login(superuser)
    assert f'href="{screen(closed)}"' in client.get(edit_screen(closed)).content.decode()
    client.force_login(editor)
    assert screen(closed) not in client.get(edit_screen(closed)).content.decode()

    client.force_login(superuser)
    client.post(screen(closed))
    assert screen(closed) not in client.get(edit_screen(closed)).content.decode()
    StatementPage.objects.filter(pk=closed.pk).update(closes_at=None, anonymised_at=None)  # reopened
    assert screen(closed) not in client.get(edit_screen(closed)).content.decode()
