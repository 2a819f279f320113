"""Load generation with wrk, bounded in time and only ever aimed at 127.0.0.1.

Pages and static files are plain GETs; form posts (signing, the confirm button) use
the Lua scripts in bench/lua/, which count responses by status. Each
measured run is preceded by a short warm-up so every gunicorn worker has
imported everything and opened its database connection.
"""

import math
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

LUA = Path(__file__).resolve().parent / "lua"
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "2"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))


def wrk_problem():
    if shutil.which("wrk") is None:
        return "wrk is not installed (Debian: apt-get install wrk)"
    return None


def wrk_version():
    result = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    return (result.stdout or result.stderr).splitlines()[0].split(" Copyright")[0].strip()


@dataclass
class Run:
    """What one wrk run measured."""

    name: str
    requests: int = 0
    seconds: float = 0.0
    rate: float = 0.0
    non_2xx_3xx: int = 0
    socket_errors: int = 0
    latency_p50_ms: float = 0.0
    latency_p99_ms: float = 0.0
    statuses: dict = field(default_factory=dict)
    output: str = ""

    @property
    def repeats(self):
        return self.statuses.get(0, 0)


def combine(runs):
    """Several runs of one thing as one: requests and seconds added, the rate from those."""
    total = Run(name=runs[0].name, output="\n".join(run.output for run in runs))
    for run in runs:
        total.requests += run.requests
        total.seconds += run.seconds
        total.non_2xx_3xx += run.non_2xx_3xx
        total.socket_errors += run.socket_errors
        for status, count in run.statuses.items():
            total.statuses[status] = total.statuses.get(status, 0) + count
    total.rate = total.requests / total.seconds if total.seconds else 0.0
    total.latency_p50_ms = sum(run.latency_p50_ms for run in runs) / len(runs)
    total.latency_p99_ms = max(run.latency_p99_ms for run in runs)
    return total


def _milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def parse(name, output):
    run = Run(name=name, output=output)
    if match := re.search(r"(\d+) requests in ([\d.]+)(ms|s|m)", output):
        run.requests = int(match.group(1))
        run.seconds = _milliseconds(match.group(2) + match.group(3)) / 1000
    if match := re.search(r"Requests/sec:\s+([\d.]+)", output):
        run.rate = float(match.group(1))
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        run.non_2xx_3xx = int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        run.socket_errors = sum(int(number) for number in match.groups())
    for percent, attribute in (("50", "latency_p50_ms"), ("99", "latency_p99_ms")):
        if match := re.search(rf"^\s+{percent}%\s+(\S+)\s*$", output, re.MULTILINE):
            setattr(run, attribute, _milliseconds(match.group(1)))
    for status, count in re.findall(r"^STATUS (\d+) (\d+)$", output, re.MULTILINE):
        run.statuses[int(status)] = int(count)
    return run


def _script(name):
    """wrk loads one file: the shared status counting, then the named script."""
    handle = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)  # noqa: SIM115
    with handle:
        handle.write((LUA / "statuses.lua").read_text())
        handle.write((LUA / name).read_text())
    return handle.name


def wrk(name, url, script=None, args=(), warmup_args=None, duration=DURATION, warmup=WARMUP):
    """Run wrk against `url` (which must be on 127.0.0.1) for `duration` seconds.

    The warm-up runs with `warmup_args` when given (posts with another email
    tag, other confirmation links), so the measured run starts afresh.
    """
    if urlsplit(url).hostname != "127.0.0.1":
        raise ValueError(f"load is only ever sent to 127.0.0.1, not {url}")
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", "--timeout=10s", "--latency"]
    script_path = _script(script) if script else None
    if script_path:
        command += ["-s", script_path]
    try:
        if warmup:
            warm_args = list(args if warmup_args is None else warmup_args)
            warm = command + [f"-d{warmup}s", url] + (["--", *warm_args] if script else [])
            subprocess.run(warm, capture_output=True, text=True, timeout=warmup + 60, check=True)
        full = command + [f"-d{duration}s", url] + (["--", *args] if script else [])
        result = subprocess.run(full, capture_output=True, text=True, timeout=duration + 60, check=True)
    finally:
        if script_path:
            os.unlink(script_path)
    return parse(name, result.stdout + result.stderr)


def in_turn(runs, duration=DURATION):
    """Each of `runs` ({name: run(duration)}) for half of `duration`, in order and then in reverse.

    A machine's speed drifts within a round (its clock, a neighbour, caches
    warming); rows measured one after another each take their own stretch of
    the drift, enough to move a ratio by several per cent. In order and then
    back (A B B A) every row sits at the same average moment, so a steady
    drift falls on all of them alike and cancels from their ratios.
    Returns {name: [its two runs' results]}, for the caller to combine.
    """
    half = max(1, duration // 2)
    results = {name: [] for name in runs}
    for name in [*runs, *reversed(runs)]:
        results[name].append(runs[name](half))
    return results


@dataclass
class Timed:
    """Sequential GETs of one address: each one's seconds, and every status seen."""

    url: str
    seconds: list = field(default_factory=list)
    statuses: set = field(default_factory=set)

    @property
    def median_ms(self):
        return statistics.median(self.seconds) * 1000 if self.seconds else math.inf


def timed_gets(urls, count, warmup=5):
    """GET each of `urls` in turn, `count` times, one request at a time; [Timed] in the order of `urls`.

    Alternating the addresses puts a neighbour's burst of load on both; the
    first `warmup` rounds (each gunicorn worker's first visit) are not kept.
    """
    results = [Timed(url) for url in urls]
    for number in range(warmup + count):
        for timed in results:
            if urlsplit(timed.url).hostname != "127.0.0.1":
                raise ValueError(f"load is only ever sent to 127.0.0.1, not {timed.url}")
            started = time.perf_counter()
            status, _, _ = get(timed.url)
            if number >= warmup:
                timed.seconds.append(time.perf_counter() - started)
                timed.statuses.add(status)
    return results


def get(url):
    """One GET with urllib: (status, body bytes, headers)."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read(), response.headers


def csrf_pair(page_url):
    """A CSRF cookie and a form token for it, from one visit to the statement page; ("", "") when it has none.

    Django accepts any masked form token made from the cookie's secret, so one
    pair serves every connection and every POST of a run. A page protected by
    Fetch Metadata instead carries no token: the posts then send an empty one,
    and every post says it comes from the same origin (Sec-Fetch-Site), as a
    browser's would.
    """
    with urllib.request.urlopen(page_url, timeout=30) as response:
        html = response.read().decode()
        cookies = response.headers.get_all("Set-Cookie") or []
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    cookie = next(
        (re.match(r"csrftoken=([^;]+)", header).group(1) for header in cookies if header.startswith("csrftoken=")),
        "",
    )
    return (token.group(1) if token else ""), cookie


ASSETS = re.compile(
    rb'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"'
    rb'|<script[^>]+src="([^"]+)"'
)


def transferred(url):
    """(bytes on the wire for the body, Content-Encoding) of one GET that accepts brotli and gzip, as browsers do."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "br, gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return len(response.read()), response.headers.get("Content-Encoding", "none")


def first_visit(base, path):
    """What a first visit to `path` downloads: its HTML, stylesheets and scripts, as sent (compressed or not).

    Returns [(url path, bytes, encoding)], the HTML first. Fonts and images are
    left out (the front-door issue budgets them).
    """
    html_bytes, encoding = transferred(f"{base}{path}")
    items = [(path, html_bytes, encoding)]
    _, page, _ = get(f"{base}{path}")
    seen = set()
    for match in ASSETS.finditer(page):
        href = next(group for group in match.groups() if group).decode()
        if href.startswith("/") and not href.startswith("//") and href not in seen:
            seen.add(href)
            items.append((href, *transferred(f"{base}{href}")))
    return items
