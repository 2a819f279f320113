"""The one CSV writer: anything a spreadsheet would run as a formula becomes text, and rows stream."""

import gc
import weakref

import pytest
from django.db.models.signals import post_init

from campaign.materials.models import PrintOrder
from core.exports import CHUNK_SIZE, csv_download, defuse_formula
from tests.core.spreadsheets import read_csv_download
from tests.materials.factories import PrintOrderFactory


@pytest.mark.parametrize(
    "typed",
    [
        '=HYPERLINK("http://evil.example","Click")',
        "+1+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
        "  =1+1",
    ],
)
def test_formulas_become_text(typed):
    assert defuse_formula(typed) == "'" + typed


@pytest.mark.parametrize("typed", ["Zoë Ó Súilleabháin", "-", "-12", "+44", "3.5", "", "a=b", "user@example.org"])
def test_plain_text_and_numbers_are_left_alone(typed):
    assert defuse_formula(typed) == typed


def test_the_csv_writer_streams_defused_cells_under_a_byte_order_mark():
    rows = iter([["=1+1", "Zoë", 7, None], ["-", "a,b", 3.5, "@SUM(A1)"]])
    response = csv_download(["Name", "=HEADING", "Count", "Notes"], rows, "people-2025-01-01")

    assert response["Content-Disposition"] == 'attachment; filename="people-2025-01-01.csv"'
    assert read_csv_download(response) == [
        {"Name": "'=1+1", "'=HEADING": "Zoë", "Count": "7", "Notes": ""},
        {"Name": "-", "'=HEADING": "a,b", "Count": "3.5", "Notes": "'@SUM(A1)"},
    ]


class LiveOrders:
    """Whether Python ever held more than `limit` print orders at once (reference cycles collected before counting)."""

    def __init__(self, limit):
        self.live, self.limit, self.held_more = weakref.WeakSet(), limit, False

    def __call__(self, sender, instance, **kwargs):
        self.live.add(instance)
        if not self.held_more and len(self.live) > self.limit:
            gc.collect()  # orders let go of but kept by a reference cycle until the collector runs
            self.held_more = len(self.live) > self.limit


@pytest.mark.django_db
def test_a_lists_csv_download_holds_a_chunk_of_records_not_the_whole_list(client, organiser):
    """A list's download reads its records a chunk at a time, as the signatures' does: memory stays flat."""
    client.force_login(organiser)
    PrintOrder.objects.bulk_create(PrintOrderFactory.build(address="1 Example Street") for _ in range(3 * CHUNK_SIZE))
    counted = LiveOrders(limit=2 * CHUNK_SIZE)  # this chunk, and the one before while the next is read
    post_init.connect(counted, sender=PrintOrder)
    try:
        response = client.get("/admin/materials/printorder/", {"export": "csv"})
        lines = sum(chunk.count(b"\n") for chunk in response.streaming_content)
    finally:
        post_init.disconnect(counted, sender=PrintOrder)
    assert lines == 1 + 3 * CHUNK_SIZE
    assert not counted.held_more
