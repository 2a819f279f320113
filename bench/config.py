"""The benchmark's knobs, read from the environment (bench.__main__'s docstring lists them)."""

import os

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SIGNATURES = int(os.environ.get("BENCH_SIGNATURES", "100000"))
BIG_EXPORT = int(os.environ.get("BENCH_BIG_EXPORT", "1000000"))
# Unconfirmed signatures for the confirmation runs: more than they can click in their time.
PENDING = int(os.environ.get("BENCH_PENDING", str(40000 * RUNS)))
# Each comparison runs this many times, alternating with its baseline, so a
# neighbour's burst of load on a shared machine lands on both sides.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
EMAIL_SECONDS = float(os.environ.get("BENCH_EMAIL_SECONDS", "10"))
# The admin's signature search (bench.signature_search), on a database of its own: this many rows, then this many.
SEARCH_SMALL = int(os.environ.get("BENCH_SEARCH_SMALL", "10000"))
SEARCH_LARGE = int(os.environ.get("BENCH_SEARCH_LARGE", "1000000"))
