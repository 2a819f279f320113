"""The bench row for the hand-in pack's memory, run at tiny sizes: it grows the signatures and builds real packs."""

import pytest

from bench import handin_memory
from campaign.handin import packing
from campaign.handin.models import HandinPack

pytestmark = pytest.mark.django_db


def test_the_row_builds_a_pack_at_each_size_and_reports_the_ratio_of_their_peaks(statement_page, monkeypatch):
    monkeypatch.setattr(packing, "PART_SIZE", 40)  # several parts even at these sizes

    figures = []
    for size in (60, 240):
        handin_memory.grow(statement_page, size)
        figures.append(handin_memory.build_pack(statement_page))

    small, large = figures
    assert small["signatures"] == 60 and large["signatures"] == 240
    assert 0 < small["names"] < large["names"] and small["pages"] < large["pages"]
    assert small["peak_kib"] > 0 and small["bytes"] > 0
    assert all(pack.status == HandinPack.Status.READY for pack in HandinPack.objects.all())
    line = handin_memory.report_line(figures)
    assert line.startswith("hand-in pack, peak memory 240 ÷ 60 signatories: ")
    assert f"{large['peak_kib'] / small['peak_kib']:.3f}" in line and "target ≤ 1.1" in line


def test_the_row_says_when_it_was_skipped(monkeypatch):
    monkeypatch.setattr(handin_memory, "postgres_problem", lambda: "no PostgreSQL server answers")

    assert handin_memory.measure_sizes((10, 20)) is None
    assert handin_memory.report_line(None) == "hand-in pack memory: SKIPPED (no PostgreSQL server answers)"
