"""XLSX downloads hold real dates (sortable, filterable by month); the CSV keeps the list's words.

A moment is written in the site's time zone, since a spreadsheet cell holds no zone: an order that came at
23:30 UTC on a summer's night came at 00:30 the next day in London, which is what the list says.
"""

from datetime import UTC, date, datetime

import pytest
from django.utils import timezone

from campaign.materials.models import PrintOrder
from core.exports import DATE_FORMAT, DATETIME_FORMAT, SheetDate, csv_lines, xlsx_download
from tests.core.spreadsheets import read_csv_download, read_xlsx_cells, read_xlsx_download
from tests.materials.factories import PrintOrderFactory

pytestmark = pytest.mark.django_db

SUMMER_NIGHT = datetime(2026, 7, 1, 23, 30, tzinfo=UTC)  # 00:30 on 2 July in London (BST)
WINTER_DAY = datetime(2026, 12, 7, 11, 15, tzinfo=UTC)  # 11:15 in London (GMT)
ORDERS_URL = "/admin/materials/printorder/"


@pytest.fixture
def order(home_page):
    made = PrintOrderFactory(name="Summer Sam", needed_by=date(2026, 7, 20))
    PrintOrder.objects.filter(pk=made.pk).update(created=SUMMER_NIGHT)  # auto_now_add: set after
    return made


def column(rows, heading):
    index = [cell.value for cell in rows[0]].index(heading)
    return [row[index] for row in rows[1:]]


def test_an_admin_lists_xlsx_has_date_cells_in_london_time_and_the_csv_the_lists_words(client, organiser, order):
    client.force_login(organiser)
    cells = read_xlsx_cells(client.get(ORDERS_URL, {"export": "xlsx"}))
    [created] = column(cells, "Created")
    [needed_by] = column(cells, "Needed by")
    assert created.is_date and created.value == datetime(2026, 7, 2, 0, 30)  # naive: London's wall clock
    assert created.number_format == DATETIME_FORMAT
    assert needed_by.is_date and needed_by.value == datetime(2026, 7, 20) and needed_by.number_format == DATE_FORMAT

    [row] = read_csv_download(client.get(ORDERS_URL, {"export": "csv"}))
    assert row["Created"] == "2 Jul 2026, 12:30 a.m." and row["Needed by"] == "20 Jul 2026"  # text, as listed
    assert "2 Jul 2026, 12:30 a.m." in client.get(ORDERS_URL).content.decode()


def test_the_xlsx_and_csv_still_hold_the_same_cells(client, organiser, order):
    client.force_login(organiser)
    rows = read_csv_download(client.get(ORDERS_URL, {"export": "csv"}))
    sheet = read_xlsx_download(client.get(ORDERS_URL, {"export": "xlsx"}))
    assert [[cell or "" for cell in row] for row in sheet[1:]] == [list(row.values()) for row in rows]


def test_an_empty_date_is_the_lists_dash_in_both(client, organiser, home_page):
    PrintOrderFactory(needed_by=None)
    client.force_login(organiser)
    [needed_by] = column(read_xlsx_cells(client.get(ORDERS_URL, {"export": "xlsx"})), "Needed by")
    assert needed_by.value == "-" and not needed_by.is_date
    assert read_csv_download(client.get(ORDERS_URL, {"export": "csv"}))[0]["Needed by"] == "-"


def test_the_writer_takes_aware_and_naive_moments_and_days():
    row = [
        SheetDate(WINTER_DAY, "7 Dec 2026, 11:15 a.m."),
        SheetDate(datetime(2026, 3, 29, 1, 30), "naive, kept as it is"),
        SheetDate(date(2026, 10, 25), "=a day whose words look like a formula"),
    ]
    cells = read_xlsx_cells(xlsx_download(["when", "naive", "day"], [row], "dates"))[1]
    assert [cell.value for cell in cells] == [
        datetime(2026, 12, 7, 11, 15),
        datetime(2026, 3, 29, 1, 30),
        datetime(2026, 10, 25),
    ]
    assert [cell.number_format for cell in cells] == [DATETIME_FORMAT, DATETIME_FORMAT, DATE_FORMAT]
    lines = list(csv_lines(["when", "naive", "day"], [row]))
    assert lines[1] == '"7 Dec 2026, 11:15 a.m.","naive, kept as it is",\'=a day whose words look like a formula\r\n'
    assert timezone.is_aware(WINTER_DAY)  # the writer never changed what it was given
