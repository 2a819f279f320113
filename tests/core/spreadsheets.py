"""Reading the admin's downloads as an organiser's spreadsheet program would."""

import csv
import io

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import load_workbook


def read_csv_download(response):
    """The rows of a CSV download, as dicts, after checking that Excel will read it as UTF-8."""
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf"), "no byte-order mark: Excel would garble accents"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def read_xlsx_download(response):
    """The rows of an XLSX download, as lists of cell values (headings first)."""
    assert response.status_code == 200
    assert isinstance(response, FileResponse)
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [[cell.value for cell in row] for row in workbook.active.iter_rows()]
