"""The machine, the versions, and the results as a table and as bench/RESULTS.md."""

import os
import platform
import subprocess
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


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


def table(rows):
    """rows: (what, measured, target, met) tuples, as aligned text."""
    headings = ("what", "measured", "target", "met")
    widths = [max(len(str(row[i])) for row in [headings, *rows]) for i in range(4)]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    header = "  ".join(heading.ljust(width) for heading, width in zip(headings, widths, strict=True))
    return "\n".join([header, "  ".join("-" * width for width in widths), *lines])


def markdown(info, ratios, figures, notes):
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`python -m bench`): real gunicorn servers on 127.0.0.1 with",
        "production settings, PostgreSQL and Redis, loaded with wrk. Every ratio compares two",
        "figures measured by the same server in the same run.",
        "",
        "## Machine",
        "",
        *[f"- {key}: {value}" for key, value in info.items()],
        "",
        "## Ratios against the targets (DESIGN.md, Scale)",
        "",
        "| what | measured | target | met |",
        "| --- | --- | --- | --- |",
        *[f"| {what} | {measured} | {target} | {met} |" for what, measured, target, met in ratios],
        "",
        "## Figures",
        "",
        "| what | figure |",
        "| --- | --- |",
        *[f"| {what} | {figure} |" for what, figure in figures],
        "",
        "## Notes",
        "",
        *[f"- {note}" for note in notes],
        "",
    ]
    return "\n".join(lines)


def write(text, path=None):
    target = Path(path or os.environ.get("BENCH_RESULTS", RESULTS))
    target.write_text(text)
    return target
