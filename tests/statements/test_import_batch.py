"""The paper import names the batch of sheets a file was typed from, and honours the sheet's "updates" tick."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from core.subscriptions.models import Consent, Subscriber
from statements.batch_codes import read_batch_code, source_code
from statements.imports import import_signatures
from statements.models import Signature
from tests.conftest import make_user
from tests.html import visible_text

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/statements/import/"
SHEET = "name,town,email,public,updates\nAda Lovelace,Leeds,ada@example.org,x,\nMary Somerville,York,,x,\n"


def post_import(client, page, content=SHEET, **fields):
    upload = SimpleUploadedFile("sheet.csv", content.encode(), content_type="text/csv")
    return client.post(IMPORT_URL, {"page": page.pk, "source": "paper", "file": upload, **fields})


def test_the_import_form_offers_an_optional_batch_code(client, organiser, statement_page):
    client.force_login(organiser)

    text = visible_text(client.get(IMPORT_URL))

    assert "Batch code (optional)" in text
    assert "The code printed after “Batch” at the top of the sheets in this file" in text
    assert "updates (yes or no" in text


@pytest.mark.parametrize("typed", ["K7QXMP", " k7qxmp ", "K7Q XMP", "Batch K7QXMP", "sheet-k7qxmp"])
def test_a_files_signatures_carry_its_batchs_source_code(client, organiser, statement_page, typed):
    client.force_login(organiser)

    response = post_import(client, statement_page, batch_code=typed)

    assert response.status_code == 200
    assert "Batch K7QXMP: 2 signatures imported, 0 skipped, 0 lines with problems." in visible_text(response)
    codes = set(Signature.objects.filter(page=statement_page).values_list("referral_code", flat=True))
    assert codes == {"sheet-k7qxmp"}


def test_without_a_batch_code_imported_signatures_name_no_source(client, organiser, statement_page):
    client.force_login(organiser)

    text = visible_text(post_import(client, statement_page, batch_code=""))

    assert "Import finished 2 signatures imported, 0 skipped" in text
    assert set(Signature.objects.values_list("referral_code", flat=True)) == {""}


@pytest.mark.parametrize(
    "typed",
    ["K7QXM", "K7QXMPP", "K0QXMP", "KOQXMP", "K7Q-XMP", "<script>", "sheet-K7Q", "K7QXMP; DROP TABLE", "Ç7QXMP"],
)
def test_a_code_no_sheet_could_carry_is_refused_and_nothing_is_imported(client, organiser, statement_page, typed):
    client.force_login(organiser)

    response = post_import(client, statement_page, batch_code=typed)

    assert response.status_code == 200
    text = visible_text(response)
    assert "A batch code is the 6 letters and digits printed after “Batch” at the top of the sheet" in text
    assert "Import finished" not in text
    assert not Signature.objects.exists()


def test_a_batch_code_is_for_paper_sheets_only(client, organiser, statement_page):
    client.force_login(organiser)

    response = post_import(client, statement_page, batch_code="K7QXMP", source="import")

    assert "A batch code is for paper sheets" in visible_text(response)
    assert not Signature.objects.exists()


def test_a_code_longer_than_the_field_is_refused(client, organiser, statement_page):
    client.force_login(organiser)

    response = post_import(client, statement_page, batch_code="K" * 31)

    assert "at most 30 characters" in visible_text(response)
    assert not Signature.objects.exists()


def test_the_batch_code_is_read_as_the_sheet_prints_it():
    assert read_batch_code("") == "" and read_batch_code("   ") == ""
    assert read_batch_code("batch k7qxmp") == "K7QXMP"
    assert source_code("K7QXMP") == "sheet-k7qxmp"


def test_importers_without_the_import_permission_are_refused(client, statement_page):
    client.force_login(make_user("viewer", permissions=["wagtailadmin.access_admin", "statements.view_signature"]))

    response = post_import(client, statement_page, batch_code="K7QXMP")

    assert response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")
    assert not Signature.objects.exists()


TICKED = (
    "name,email,updates\n"
    "Ada Lovelace,ada@example.org,x\n"
    "Mary Somerville,mary@example.org,\n"
    "Nell No Email,,yes\n"
    "Grace Hopper,grace@example.org,no\n"
)


def test_a_ticked_updates_box_is_a_consent_waiting_for_its_owners_yes(client, organiser, statement_page):
    client.force_login(organiser)

    response = post_import(client, statement_page, content=TICKED, batch_code="K7QXMP")

    assert "4 signatures imported" in visible_text(response)
    ada = Signature.objects.get(name="Ada Lovelace")
    assert ada.keep_informed and ada.keep_informed_wording == "updates-1" and ada.is_confirmed
    assert not Signature.objects.filter(keep_informed=True).exclude(pk=ada.pk).exists()  # no address, or no tick
    (given,) = Consent.objects.all()
    assert given.subscriber.email == "ada@example.org" and given.confirmed_at is None
    assert given.form == "the paper signature sheet of “Our statement” (batch K7QXMP)"
    assert given.source == ada
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING  # nothing is sent until they say yes
    (asking,) = mail.outbox
    assert asking.to == ["ada@example.org"]
    assert "on the paper signature sheet of “Our statement” (batch K7QXMP)" in asking.body


def test_withdrawing_a_paper_signature_takes_its_waiting_consent_with_it(statement_page):
    content = SimpleUploadedFile("sheet.csv", b"name,email,updates\nAda Lovelace,ada@example.org,x\n")
    import_signatures(statement_page, content)

    Signature.objects.get().delete()

    assert not Consent.objects.exists()


def test_an_imported_list_names_where_the_consent_came_from(statement_page):
    content = SimpleUploadedFile("list.csv", b"name,email,updates\nAda Lovelace,ada@example.org,yes\n")

    import_signatures(statement_page, content, source=Signature.Source.IMPORT)

    assert Consent.objects.get().form == "a list of signatures imported for “Our statement”"


def test_sheets_typed_in_from_the_welsh_statement_are_welsh_signers_of_the_one_statement(
    statement_page, welsh_statement, django_capture_on_commit_callbacks
):
    content = SimpleUploadedFile("sheet.csv", b"name,email,updates\nAnwen Jones,anwen@example.org,x\n")

    with django_capture_on_commit_callbacks(execute=True):
        import_signatures(welsh_statement, content, batch_code="K7QXMP")

    signature = Signature.objects.get()
    assert (signature.page_id, signature.language) == (statement_page.pk, "cy")  # counted with the original
    given = Consent.objects.get()
    assert given.form == "y daflen lofnodion bapur ar gyfer “Datganiad dros fuddugoliaeth” (swp K7QXMP)"
    assert given.wording_language == "cy"  # the sheet asked in Welsh
    (asking,) = mail.outbox
    assert "y daflen lofnodion bapur" in asking.body  # the request to confirm updates names the Welsh sheet
