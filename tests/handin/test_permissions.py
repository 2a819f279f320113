"""Sheets and packs are the organisers' (and superusers'): editors and visitors get neither, nor the pack's file."""

import pytest
from django.contrib.auth.models import Group

from campaign.handin import tasks
from campaign.handin.models import HandinPack
from campaign.handin.permissions import ORGANISER_PERMISSIONS
from core.organisers import ORGANISERS_GROUP
from tests.statements.factories import SignatureFactory

from .factories import HandinPackFactory, SheetBatchFactory
from .pdfs import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready_pack(statement_page):
    SignatureFactory(page=statement_page, name="Listed Lena")
    pack = HandinPackFactory(page=statement_page)
    tasks.build_handin_pack.enqueue(pack.pk)
    pack.refresh_from_db()
    return pack


def test_the_organisers_group_holds_the_apps_permissions_after_migrate(db):
    held = {
        f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name=ORGANISERS_GROUP).permissions.all()
    }

    assert set(ORGANISER_PERMISSIONS) <= held


def refused(response):
    """Wagtail's admin answers a forbidden screen by going back to the dashboard with a message; Django's with 403."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


@pytest.mark.parametrize("who", ["organiser", "superuser"])
def test_organisers_and_superusers_find_hand_in_in_the_menu(client, who, request, statement_page):
    client.force_login(request.getfixturevalue(who))

    home = client.get("/admin/").content.decode()
    screen = client.get("/admin/handin/")

    assert "/admin/handin/" in home
    assert screen.status_code == 200 and "Make a new hand-in pack" in screen.content.decode()


def test_the_statements_edit_screen_leads_to_its_sheets_and_packs(client, superuser, statement_page):
    client.force_login(superuser)

    edit = client.get(f"/admin/pages/{statement_page.pk}/edit/").content.decode()

    assert f"/admin/handin/?page={statement_page.pk}" in edit and "Signature sheets and hand-in pack" in edit


def test_an_organiser_asks_for_a_pack_and_downloads_it(client, organiser, statement_page):
    SignatureFactory(page=statement_page, name="Listed Lena")
    client.force_login(organiser)

    response = client.post("/admin/handin/packs/", {"page": statement_page.pk}, follow=True)

    pack = HandinPack.objects.get()
    assert pack.requested_by == organiser and pack.status == HandinPack.Status.READY
    assert "is being built" in response.content.decode()
    download = client.get(f"/admin/handin/packs/{pack.pk}/download/")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    assert "Listed Lena" in pdf_text(b"".join(download.streaming_content))


def test_editors_get_no_screen_no_sheet_and_no_pack(client, editor, statement_page, ready_pack):
    batch = SheetBatchFactory(page=statement_page)
    client.force_login(editor)

    assert "/admin/handin/" not in client.get("/admin/").content.decode()
    assert refused(client.get("/admin/handin/"))
    assert refused(client.get(f"/admin/handin/sheets/{batch.code}.pdf"))
    assert refused(client.post("/admin/handin/sheets/", {"page": statement_page.pk}))
    assert refused(client.post("/admin/handin/packs/", {"page": statement_page.pk}))
    assert refused(client.get(f"/admin/handin/packs/{ready_pack.pk}/download/"))
    assert HandinPack.objects.count() == 1
    assert (
        f"/admin/handin/?page={statement_page.pk}"
        not in client.get(f"/admin/pages/{statement_page.pk}/edit/").content.decode()
    )


def test_visitors_are_sent_to_sign_in(client, statement_page, ready_pack):
    response = client.get(f"/admin/handin/packs/{ready_pack.pk}/download/")

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_packs_file_has_a_name_nobody_can_guess_and_no_link_to_it_is_shown(admin_client, ready_pack):
    folder = ready_pack.file.name.split("/")[1]

    assert ready_pack.file.name.startswith("handin/") and len(folder) >= 32
    assert folder not in admin_client.get("/admin/handin/").content.decode()
