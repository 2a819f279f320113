"""The blank signature sheet: an organiser downloads one per batch; its columns are the paper import's own."""

import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from campaign.handin.models import SheetBatch
from campaign.handin.sheet import ROWS, columns
from statements.imports import PaperRowForm, import_signatures
from statements.models import Signature

from .pdfs import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db

IMPRINT_FIELDS = {
    "imprint_promoted_by": "Jo Bloggs",
    "imprint_on_behalf_of": "Fund Our Services",
    "imprint_address": "1 High Street, Leeds LS1 1AA",
}


@pytest.fixture
def imprint(site_settings):
    for name, value in IMPRINT_FIELDS.items():
        setattr(site_settings, name, value)
    site_settings.save()
    return site_settings.imprint()


def download_sheet(client, page, label="Leeds market stall"):
    response = client.post("/admin/handin/sheets/", {"page": page.pk, "label": label}, follow=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response


def test_an_organiser_downloads_a_sheet_whose_batch_code_is_printed_and_in_its_link(
    client, organiser, statement_page, imprint
):
    client.force_login(organiser)

    response = download_sheet(client, statement_page)

    batch = SheetBatch.objects.get()
    assert batch.page_id == statement_page.pk and batch.label == "Leeds market stall" and batch.created_by == organiser
    assert f'filename="signature-sheet-{batch.code}.pdf"' in response["Content-Disposition"]
    pages = pdf_pages(response.content)
    assert len(pages) == 1
    text = pdf_text(response.content)
    assert statement_page.title in text
    assert statement_page.standfirst in text
    assert f"Batch {batch.code}" in text
    assert f"http://testserver/statement/?src=sheet-{batch.code.lower()}" in text
    assert imprint in text


def test_the_sheet_prints_the_imports_columns_in_order_and_the_online_forms_words(client, organiser, statement_page):
    client.force_login(organiser)

    text = pdf_text(download_sheet(client, statement_page).content)

    # Each heading, as the import names it, over the first word of its question, left to right.
    where = [text.index(f"{column.heading.capitalize()} {column.hint.split()[0]}") for column in columns()]
    assert where == sorted(where)
    assert [column.heading for column in columns()] == [
        "name",
        "organisation",
        "role",
        "town",
        "email",
        "kind",
        "public",
        "updates",
    ]
    assert "Show my name on the public list of signatories" in text
    assert "Send me campaign updates by email (about once a month; stop them at any time): tick" in text
    assert "If you tick “updates”, we first email you a link to say yes" in text
    assert text.count("person organisation") == ROWS  # each row's kind, to circle


def test_every_column_printed_is_one_the_import_reads_and_a_typed_sheet_imports(statement_page):
    """What a volunteer types under the printed headings is a CSV the paper import takes, line by line."""
    printed = [column.heading for column in columns()]
    assert set(printed) <= set(PaperRowForm.base_fields)
    assert set(PaperRowForm.base_fields) - set(printed) == set(), "the import reads a column the sheet lacks"
    typed = io.StringIO()
    writer = csv.writer(typed)
    writer.writerow([heading.capitalize() for heading in printed])
    row = {
        "name": "Ada Lovelace",
        "organisation": "UNISON",
        "town": "Leeds",
        "email": "ada@example.org",
        "kind": "person",
        "public": "x",
        "updates": "x",
    }
    writer.writerow([row.get(heading, "") for heading in printed])
    batch = SheetBatch.objects.create(page=statement_page)

    report = import_signatures(
        statement_page, SimpleUploadedFile("sheet.csv", typed.getvalue().encode()), batch_code=batch.code
    )

    assert report.imported == 1 and report.errors == []
    signature = Signature.objects.get(email="ada@example.org")
    assert signature.show_publicly and signature.kind == Signature.Kind.PERSON and signature.is_confirmed
    assert signature.keep_informed  # the consent waits for Ada's yes (tests/statements/test_import_batch.py)
    assert signature.referral_code == batch.source_code  # counted with those who came through the sheet's QR code


def test_the_whole_sheet_with_the_updates_column_fits_one_page(client, organiser, statement_page):
    client.force_login(organiser)

    pages = pdf_pages(download_sheet(client, statement_page).content)

    assert len(pages) == 1
    text = " ".join(pages[0].split())
    assert "stop them at any time): tick" in text and "no update is sent until you do." in text


def test_without_a_standfirst_the_sheet_prints_the_statements_first_paragraph(client, organiser, statement_page):
    statement_page.standfirst = ""
    statement_page.body = "<p>First, we demand <b>fair pay</b>.</p><p>Second paragraph.</p>"
    statement_page.save()
    client.force_login(organiser)

    text = pdf_text(download_sheet(client, statement_page).content)

    assert "First, we demand fair pay." in text
    assert "Second paragraph" not in text


def test_a_batch_is_downloaded_again_with_the_same_code(client, organiser, statement_page):
    client.force_login(organiser)
    download_sheet(client, statement_page)
    batch = SheetBatch.objects.get()

    again = client.get(f"/admin/handin/sheets/{batch.code}.pdf")

    assert again.status_code == 200 and f"Batch {batch.code}" in pdf_text(again.content)
    assert SheetBatch.objects.count() == 1
    assert batch.code in client.get("/admin/handin/").content.decode()


def test_batch_codes_are_short_and_free_of_letters_people_confuse(statement_page):
    codes = {SheetBatch.objects.create(page=statement_page).code for _ in range(30)}

    assert len(codes) == 30
    assert all(re.fullmatch(r"[ACDEFGHJKMNPQRTUVWXYZ234679]{6}", code) for code in codes)


def test_a_long_title_and_text_still_make_one_page_with_fewer_rows(client, organiser, statement_page):
    statement_page.title = "A fair deal for every worker in every public service across the whole of the United Kingdom"
    statement_page.standfirst = "We demand fair pay and safe staffing. " * 12
    statement_page.save()
    client.force_login(organiser)

    pages = pdf_pages(download_sheet(client, statement_page).content)

    assert len(pages) == 1
    text = " ".join(pages[0].split())
    assert 8 <= text.count("person organisation") < ROWS
    assert "no update is sent until you do." in text
