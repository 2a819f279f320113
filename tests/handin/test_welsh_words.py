"""The hand-in sheets' and the print order form's own words in Welsh (#29).

The blank signature sheet is printed in the active language, with the import's column names kept small under
each Welsh heading (what the CSV is typed with); the hand-in pack's counts and certificates say it in Welsh too.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone, translation

from campaign.handin.packing import certified, who
from campaign.handin.pdf import page_language
from campaign.handin.sheet import columns, signature_sheet
from campaign.materials.forms import PrintOrderForm
from core.regions import Region
from tests.materials.factories import MaterialFactory, MaterialsPageFactory

from .pdfs import pdf_text

pytestmark = pytest.mark.django_db

URL = "http://testserver/statement/?src=sheet-abc234"


def welsh_sheet(statement_page):
    with translation.override("cy"):
        return pdf_text(signature_sheet(statement_page, URL, "ABC234", "Argraffwyd gan Jo Bloggs"))


def test_the_blank_signature_sheets_fixed_words_are_welsh(statement_page):
    text = welsh_sheet(statement_page)
    assert statement_page.title in text  # the editor's words stay as written
    assert "Swp ABC234 · neu llofnodwch ar-lein: " + URL in text
    assert "Tudalen 1" in text and "Page 1" not in text
    for heading in ("Enw", "Sefydliad", "Rôl", "Tref", "E-bost", "Math", "Cyhoeddus", "Diweddariadau"):
        assert heading in text
    assert "Eich enw" in text
    assert "Llofnodi fel: rhowch gylch o amgylch un" in text
    assert "Dangos fy enw ar restr gyhoeddus y llofnodwyr: ticiwch" in text
    assert "unigolyn sefydliad" in text  # each row's kind, to circle
    assert "Mae llofnodi ar bapur yn cyfrif pan fydd y trefnwyr yn teipio’r daflen." in text
    for english in ("Your name", "Town or area", "circle one", "Batch ", "sign online", "Signing on paper"):
        assert english not in text


def test_a_welsh_sheet_still_names_the_imports_columns(statement_page):
    """Whoever types a Welsh sheet in heads the CSV with the import's names, printed under each heading."""
    text = welsh_sheet(statement_page)
    for column in columns():
        assert f"Colofn CSV: {column.heading}" in text


def test_an_english_sheet_prints_no_column_names_twice(statement_page):
    text = pdf_text(signature_sheet(statement_page, URL, "ABC234"))
    assert "CSV" not in text and "Batch ABC234" in text


def test_sheets_and_packs_are_printed_in_the_statements_language(statement_page):
    assert page_language(statement_page) == "en-gb"
    assert page_language(SimpleNamespace(locale=SimpleNamespace(language_code="cy"))) == "cy"
    assert page_language(SimpleNamespace(locale=SimpleNamespace(language_code="fr"))) == "en-gb"


def test_the_hand_in_packs_counts_and_certificates_are_welsh():
    with translation.override("cy"):
        assert who(3, 1) == "3 o bobl a 1 sefydliad"
        assert who(1, 0) == "1 unigolyn"
        sentence = certified(who(2, 0), 2, Region.WALES, "Cymru", "Ariannwch ein gwasanaethau", "1 Mai 2026")
        assert sentence == "Cymru: mae 2 unigolyn wedi llofnodi “Ariannwch ein gwasanaethau” hyd at 1 Mai 2026."
    assert who(3, 1) == "3 people and 1 organisation"  # English as before
    assert certified("1 person", 1, Region.ABROAD, "", "Fund us", "1 May 2026") == (
        "1 person outside the UK has signed “Fund us” as of 1 May 2026."
    )


def test_the_print_order_forms_labels_and_errors_are_welsh(home_page):
    page = MaterialsPageFactory(parent=home_page)
    poster = MaterialFactory(page=page, title="Poster y streic", max_quantity=200)
    past = timezone.localdate() - datetime.timedelta(days=2)
    with translation.override("cy"):
        form = PrintOrderForm(
            data={"name": "Siân", "email": "sian@example.org", "address": "1 Stryd Fawr", "needed_by": past},
            materials=[poster],
        )
        labels = {name: str(field.label) for name, field in form.fields.items()}
        assert labels["name"] == "Eich enw"
        assert labels["email"] == "Eich e-bost"
        assert labels["organisation"] == "Sefydliad neu gangen"
        assert labels["address"] == "Cyfeiriad danfon"
        assert labels["needed_by"] == "Angen erbyn"
        assert labels["notes"] == "Nodiadau"
        assert labels[f"quantity_{poster.pk}"] == "Copïau o “Poster y streic”"
        assert str(form.fields[f"quantity_{poster.pk}"].help_text) == "Hyd at 200."
        assert str(form.fields["address"].help_text) == "Ble dylem anfon y copïau, gyda’r cod post."
        assert not form.is_valid()
        assert form.errors["needed_by"] == ["Dewiswch ddyddiad nad yw wedi mynd heibio."]
    english = PrintOrderForm(materials=[poster])
    assert str(english.fields["address"].label) == "Delivery address"
    assert str(english.fields[f"quantity_{poster.pk}"].label) == "Copies of “Poster y streic”"
