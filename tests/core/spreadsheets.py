"""Reading the admin's downloads as an organiser's spreadsheet program would."""

import csv
import io

from django.http import FileResponse, StreamingHttpResponse
from django.utils import formats
from openpyxl import load_workbook

from core.exports import DATE_FORMAT, DATETIME_FORMAT


def read_csv_download(response):
    """The rows of a CSV download, as dicts, after checking that Excel will read it as UTF-8."""
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf"), "no byte-order mark: Excel would garble accents"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def read_xlsx_cells(response):
    """The rows of an XLSX download as openpyxl's cells (headings first): their values, types and formats."""
    assert response.status_code == 200
    assert isinstance(response, FileResponse)
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [list(row) for row in workbook.active.iter_rows()]


def read_xlsx_download(response):
    """The rows of an XLSX download, as lists of cell values (headings first).

    A date cell is written as the admin's list and CSV write it ("7 Dec 2026, 11:15 a.m."), so a
    comparison with the CSV holds the XLSX's dates to the same day and minute; read_xlsx_cells gives
    the cells themselves.
    """
    return [[as_listed(cell) for cell in row] for row in read_xlsx_cells(response)]


def as_listed(cell):
    if not cell.is_date:
        return cell.value
    assert cell.number_format in (DATE_FORMAT, DATETIME_FORMAT), cell.number_format
    return formats.localize(cell.value.date() if cell.number_format == DATE_FORMAT else cell.value)
