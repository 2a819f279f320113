"""The machine, the versions, and the results as a table and as bench/RESULTS.md."""

import os
import platform
import re
import subprocess
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HISTORY = "## History"
RATIOS = "## Ratios against the targets, run by run"


def _first(path, prefix):
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def _command(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=10).stdout.strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "unknown"


def machine(extra_versions):
    memory_kib = _first("/proc/meminfo", "MemTotal").split()[0]
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "CPU": f"{_first('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores (nproc)",
        "memory": f"{int(memory_kib) / 1024 / 1024:.1f} GiB" if memory_kib.isdigit() else "unknown",
        "system": f"{platform.system()} {platform.release()}",
        "load average (1, 5, 15 min) at the end": " ".join(Path("/proc/loadavg").read_text().split()[:3]),
        "Python": platform.python_version(),
        "packages": ", ".join(
            f"{name} {version(name)}" for name in ("Django", "wagtail", "gunicorn", "whitenoise", "psycopg", "redis")
        ),
        **extra_versions,
    }


def nginx_version():
    """nginx's version (it prints it on standard error), or "not installed"."""
    try:
        result = subprocess.run(["nginx", "-v"], capture_output=True, text=True, timeout=10)
    except OSError:
        return "not installed"
    return (result.stderr or result.stdout).strip().removeprefix("nginx version: ")


def table(rows, headings):
    """rows: tuples as long as `headings`, as aligned text."""
    widths = [max(len(str(row[i])) for row in [headings, *rows]) for i in range(len(headings))]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    header = "  ".join(heading.ljust(width) for heading, width in zip(headings, widths, strict=True))
    return "\n".join([header, "  ".join("-" * width for width in widths), *lines])


def _row(cells):
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def markdown(info, headings, rows, figures, notes):
    """figures: {section: [(what, figure)]}, a section per run and one for what was measured once."""
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`python -m bench`): real gunicorn servers on 127.0.0.1 with",
        "production settings, PostgreSQL and Redis (and nginx as a caching proxy), loaded with wrk.",
        "Every ratio compares two figures measured on the same machine in the same run; every",
        "run's figure is listed, with whether it met the target (issue 14's table).",
        "",
        "## Machine",
        "",
        *[f"- {key}: {value}" for key, value in info.items()],
        "",
        "## Ratios against the targets, run by run",
        "",
        _row(headings),
        _row(["---"] * len(headings)),
        *[_row(row) for row in rows],
        "",
    ]
    for section, items in figures.items():
        lines += [f"## Figures, {section}", "", "| what | figure |", "| --- | --- |"]
        lines += [f"| {what} | {figure} |" for what, figure in items]
        lines.append("")
    lines += ["## Notes", "", *[f"- {note}" for note in notes], ""]
    return "\n".join(lines)


def write(text, path=None):
    """Write the results; the file's earlier ratio tables, newest first, stay below them as history."""
    target = Path(path or os.environ.get("BENCH_RESULTS", RESULTS))
    earlier = target.read_text() if target.exists() else ""
    target.write_text(text + history(earlier))
    return target


def history(earlier):
    """The History section for the next file: `earlier`'s own ratio table, dated, then `earlier`'s history."""
    if not earlier:
        return ""
    current, _, older = earlier.partition(f"\n{HISTORY}\n")
    date = re.search(r"^- date: (.+)$", current, re.MULTILINE)
    table = current.partition(f"{RATIOS}\n")[2].split("\n## ", 1)[0].strip()
    entry = f"### {date.group(1) if date else 'an earlier run'}: make bench\n\n{table}\n\n" if table else ""
    return f"\n{HISTORY}\n\n{entry}{older.lstrip()}".rstrip() + "\n"
