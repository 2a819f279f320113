"""bench/RESULTS.md keeps every earlier run's ratio table when `make bench` writes a new one."""

from bench.report import write

FIRST = """# Benchmark results

## Machine

- date: 2026-12-07 04:07 UTC

## Ratios against the targets, run by run

| what | target | run 1 |
| --- | --- | --- |
| signing ÷ baseline | ≥ 0.70 | 0.62 (NO) |

## Notes

- three runs
"""


def test_each_new_results_file_keeps_the_earlier_ratio_tables_newest_first(tmp_path):
    path = tmp_path / "RESULTS.md"
    path.write_text(FIRST)

    write(FIRST.replace("04:07", "09:00").replace("0.62 (NO)", "0.71 (yes)"), path)
    write(FIRST.replace("04:07", "12:00").replace("0.62 (NO)", "0.72 (yes)"), path)

    text = path.read_text()
    current, history = text.split("\n## History\n")
    assert "0.72 (yes)" in current and "0.71" not in current
    assert history.index("### 2026-12-07 09:00 UTC: make bench") < history.index("### 2026-12-07 04:07 UTC")
    assert "| signing ÷ baseline | ≥ 0.70 | 0.71 (yes) |" in history
    assert "| signing ÷ baseline | ≥ 0.70 | 0.62 (NO) |" in history
    assert "three runs" not in history  # only the tables are kept, not the notes


def test_a_first_results_file_has_no_history(tmp_path):
    path = tmp_path / "RESULTS.md"

    write(FIRST, path)

    assert path.read_text() == FIRST
