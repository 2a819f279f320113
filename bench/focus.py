"""A few of `make bench`'s comparisons on their own, round after round: for working on one row.

    python -m bench.focus query signing

Sets up the deployment as `make bench` does (bench.__main__.deployment: the
same settings and limits, BENCH_SIGNATURES signatures), starts one gunicorn
and runs each named comparison BENCH_ROUNDS times, its rows measured in
order and back (bench.load.in_turn), so a drift in the machine falls on all
of them alike. Each row is reported twice: requests a
second, and the CPU time the stack spent per request (bench.cpu: gunicorn,
PostgreSQL, Redis, wrk), which a loaded machine barely moves. On an idle
machine, where the stack is CPU bound, the rate ratio follows the inverse
of the CPU ratio; the spread between rounds is the honest error bar.

- query: the statement page with a new `?src=` each request, with one fixed
  `?src=`, and plain, every request built by the same Lua script
  (bench/lua/query.lua); the plain page without a script; a new
  `?utm_source=` each request (the row's old parameter).
- signing: signing POSTs against both baselines (bench.baseline).
"""

import os
import statistics
import sys
import time
from pathlib import Path

from bench import load
from bench.__main__ import BASELINE, BASELINE_EMAIL, STATEMENT, close_connections, deployment, say, setup_django
from bench.config import ROUNDS, SIGNATURES
from bench.cpu import PARTS, Meter, Spent

QUERY_ROWS = {  # name: wrk script arguments (bench/lua/query.lua), or None for no script
    "plain, no script": None,
    "plain": ["none"],
    "fixed ?src=": ["fixed", "src"],
    "new ?src= each": ["new", "src"],
    "new ?utm_source= each": ["new", "utm_source"],
}
QUERY_RATIOS = [
    ("new ?src= each", "plain"),
    ("fixed ?src=", "plain"),
    ("new ?src= each", "fixed ?src="),
    ("plain", "plain, no script"),
    ("new ?utm_source= each", "plain, no script"),
]
SIGNING_RATIOS = [("signing", "baseline with email task"), ("signing", "baseline")]


def load_average():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def query_rows(server):
    """{name: a function running wrk for the row}."""
    url = f"{server.url}{STATEMENT}"
    return {
        name: lambda duration, args=args, name=name: load.wrk(
            name, url, script="query.lua" if args else None, args=args or (), duration=duration, warmup=0
        )
        for name, args in QUERY_ROWS.items()
    }


def signing_rows(server, page, pair):
    token, cookie = pair
    rows = {
        "baseline": (BASELINE, "baseline"),
        "baseline with email task": (BASELINE_EMAIL, "baseline"),
        "signing": (f"{page.url}sign/", "sign"),
    }

    def posting(name, path, form):
        def run(duration):
            prefix = f"focus{time.time_ns()}"  # a new address for every post of every run
            args = [path, token, cookie, prefix, form]
            done = load.wrk(name, f"{server.url}{path}", "post.lua", args=args, duration=duration, warmup=0)
            assert done.statuses.get(302, 0) == done.requests, (name, done.statuses)
            return done

        return run

    return {name: posting(name, path, form) for name, (path, form) in rows.items()}


def measure(meter, rows, number):
    """One round: each row warmed up (first round only), then run in turn (bench.load.in_turn) and metered."""
    if number == 0:
        for run in rows.values():
            run(load.WARMUP)
    metered = {name: lambda duration, run=run: meter.measure(lambda: run(duration)) for name, run in rows.items()}
    return {name: combined(halves) for name, halves in load.in_turn(metered).items()}


def combined(halves):
    """A row's metered halves as one (the Run, Spent)."""
    runs, spent = zip(*halves, strict=True)
    seconds = {part: sum(one.seconds.get(part, 0.0) for one in spent) for part in PARTS}
    return load.combine(list(runs)), Spent(seconds, sum(one.requests for one in spent))


def report(title, rounds, ratios):
    print(f"\n{title}")
    for name in rounds[0]:
        cells = []
        for round_ in rounds:
            run, spent = round_[name]
            parts = "+".join(f"{spent.per_request_ms(part):.2f}" for part in PARTS)
            cells.append(f"{run.rate:6,.0f}/s {spent.per_request_ms():.2f} ms ({parts})")
        print(f"  {name:26s} " + " | ".join(cells))
    print(f"  (CPU ms a request: total ({' + '.join(PARTS)}))")
    for top, bottom in ratios:
        rates = [round_[top][0].rate / round_[bottom][0].rate for round_ in rounds]
        costs = [round_[bottom][1].per_request_ms() / round_[top][1].per_request_ms() for round_ in rounds]
        app = [app_ms(round_[bottom][1]) / app_ms(round_[top][1]) for round_ in rounds]
        print(f"  {top} ÷ {bottom}:")
        print(f"    rate ratio          {spread(rates)}")
        print(f"    inverse CPU ratio   {spread(costs)}")
        print(f"    same, wrk left out  {spread(app)}")


def app_ms(spent):
    return spent.per_request_ms() - spent.per_request_ms("wrk")


def spread(values):
    listed = " ".join(f"{value:.3f}" for value in values)
    return f"{listed}  (median {statistics.median(values):.3f}, {min(values):.3f}-{max(values):.3f})"


def main(names):
    names = names or ["query", "signing"]
    load_at_start = load_average()
    with deployment(f"{os.environ.get('BENCH_DB_PREFIX', 'bench_focus')}_{os.getpid()}") as stack:
        say(f"database {stack.db_name}: migrate, demo content, {SIGNATURES:,} signatures")
        stack.create()
        setup_django(stack)
        from bench import data

        page = data.statement_page()
        data.load(page, SIGNATURES, 0)
        close_connections()
        server = stack.server()
        server.start()
        meter = Meter(server, stack.db_name)
        rows = {}
        if "query" in names:
            rows["query string"] = (query_rows(server), QUERY_RATIOS)
        if "signing" in names:
            rows["signing"] = (signing_rows(server, page, load.csrf_pair(f"{server.url}{STATEMENT}")), SIGNING_RATIOS)
        rounds = {title: [] for title in rows}
        try:
            for number in range(ROUNDS):
                say(f"round {number + 1} of {ROUNDS} (load average {load_average()})")
                for title, (runs, ratios) in rows.items():
                    rounds[title].append(measure(meter, runs, number))
                    report(title, rounds[title][-1:], ratios)
        finally:
            server.stop()
            close_connections()
        print(
            f"\nAll rounds (load average at the start {load_at_start}, at the end "
            f"{load_average()}; wrk -t{load.THREADS} -c{load.CONNECTIONS} -d{load.DURATION}s; "
            f"{server.workers} gunicorn workers; tracebacks {server.tracebacks()})"
        )
        for title, (_, ratios) in rows.items():
            report(title, rounds[title], ratios)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
