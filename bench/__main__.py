"""`make bench`: measure the stack against its own baselines and print the ratios.

1. The statement page (anonymous, 100,000 signatures loaded) against a static
   copy of the same page (same bytes) served by the same gunicorn + WhiteNoise.
2. Signing POSTs (new email each, CSRF, rate limit, a queued email task)
   against a two-field form view that inserts one row; then confirmations
   (POSTs of the confirm page's button, CSRF included).
3. Peak memory of the streamed CSV export of 100,000 and 1,000,000 signatures.

Exits 0 with a SKIPPED line when PostgreSQL, Redis or wrk is missing.
Environment: BENCH_DURATION (seconds per run, 10), BENCH_CONNECTIONS (16),
BENCH_THREADS (2), BENCH_ROUNDS (2), BENCH_WORKERS (gunicorn workers, 2 x cores + 1),
BENCH_DB_PREFIX (throwaway database name prefix), BENCH_RESULTS (where to write).
"""

import os
import sys
import time
from pathlib import Path

from bench import load, memory, report
from bench.servers import Stack, postgres_problem, redis_problem

SIGNATURES = int(os.environ.get("BENCH_SIGNATURES", "100000"))
BIG_EXPORT = int(os.environ.get("BENCH_BIG_EXPORT", "1000000"))
# Unconfirmed signatures for the confirmation run: more than it can click in its time.
PENDING = int(os.environ.get("BENCH_PENDING", "40000"))
WARMUP_CONFIRMATIONS = 2000
# Each comparison runs this many times, alternating with its baseline, so a
# neighbour's burst of load on a shared machine lands on both sides.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
STATIC_COPY = "statement-copy.html"
THANK_YOU = "/statement/confirm/done/"  # where every confirmation redirects


def say(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def setup_django(stack):
    os.environ.update(stack.env)
    import django

    django.setup()


def close_connections():
    from django.db import connections

    connections.close_all()


def yes(condition):
    return "yes" if condition else "NO"


def measure_page(server, results):
    status, body, headers = load.get(f"{server.url}/statement/")
    assert status == 200, status
    (server.stack.whitenoise_root / STATIC_COPY).write_bytes(body)
    server.restart()  # WhiteNoise indexes its files when the app starts
    status, copy, _ = load.get(f"{server.url}/{STATIC_COPY}")
    assert status == 200 and len(copy) == len(body), (status, len(copy), len(body))
    results["page_bytes"] = len(body)
    static, page, thanks = [], [], []
    for number in range(ROUNDS):
        warmup = load.WARMUP if number == 0 else 0
        static.append(load.wrk("static copy", f"{server.url}/{STATIC_COPY}", warmup=warmup))
        page.append(load.wrk("statement page", f"{server.url}/statement/", warmup=warmup))
        thanks.append(load.wrk("thank-you page", f"{server.url}{THANK_YOU}", warmup=warmup))
    results["static"], results["page"], results["thanks"] = map(load.combine, (static, page, thanks))


def measure_forms(server, page, results):
    """Rounds of: baseline posts, signing posts, confirmations, each run after the other."""
    from bench import data

    token, cookie = load.csrf_pair(f"{server.url}/statement/")
    tag = f"bench{int(time.time())}"
    sign_path = f"{page.url}sign/"
    confirm_path = f"{page.url}confirm/"
    tokens = data.confirmation_tokens(page)
    workdir = server.stack.workdir
    (workdir / "confirm-warm.txt").write_text("\n".join(tokens[:WARMUP_CONFIRMATIONS]) + "\n")
    tokens = tokens[WARMUP_CONFIRMATIONS:]
    share = len(tokens) // ROUNDS
    tasks_before = data.queued_emails()
    confirmed_before = data.confirmed_count(page)
    baseline, sign, confirm = [], [], []
    for number in range(ROUNDS):
        warmup = load.WARMUP if number == 0 else 0
        baseline.append(
            load.wrk(
                "baseline form view",
                f"{server.url}/bench/baseline/",
                script="post.lua",
                args=["/bench/baseline/", token, cookie, f"{tag}b", "baseline"],
                warmup_args=["/bench/baseline/", token, cookie, f"{tag}bw", "baseline"],
                warmup=warmup,
            )
        )
        sign.append(
            load.wrk(
                "signing",
                f"{server.url}{sign_path}",
                script="post.lua",
                args=[sign_path, token, cookie, f"{tag}s{number}", "sign"],
                warmup_args=[sign_path, token, cookie, f"{tag}w", "sign"],
                warmup=warmup,
            )
        )
        round_tokens = workdir / f"confirm-{number}.txt"
        round_tokens.write_text("\n".join(tokens[number * share : (number + 1) * share]) + "\n")
        confirm.append(
            load.wrk(
                "confirmations",
                f"{server.url}{confirm_path}",
                script="confirm.lua",
                args=[confirm_path, token, cookie, str(round_tokens), str(load.THREADS)],
                warmup_args=[confirm_path, token, cookie, str(workdir / "confirm-warm.txt"), str(load.THREADS)],
                warmup=warmup,
            )
        )
    time.sleep(2)  # let requests still in flight when wrk stopped finish before counting
    results["baseline"], results["sign"], results["confirm"] = map(load.combine, (baseline, sign, confirm))
    results["baseline_rows"] = data.baseline_rows(f"{tag}b-")
    results["sign_rows"] = data.count_emails_like(f"{tag}s")
    results["warm_rows"] = data.count_emails_like(f"{tag}w-")
    results["tasks_queued"] = data.queued_emails() - tasks_before
    results["confirmed_rows"] = data.confirmed_count(page) - confirmed_before
    results["kept_total"], results["confirmed_total"] = data.counts_are_exact(page)


def measure_memory(stack, page, results):
    from bench import data

    results["export_small"] = memory.export_peak(stack.env, data.LOADED_SOURCE)
    say(f"growing to {BIG_EXPORT:,} signatures")
    data.grow(page, SIGNATURES, BIG_EXPORT)
    results["export_big"] = memory.export_peak(stack.env, data.LOADED_SOURCE)


def run(stack):
    results = {}
    say(f"database {stack.db_name}: migrate, demo content, collectstatic (about a minute)")
    stack.create()
    setup_django(stack)
    from bench import data

    page = data.statement_page()
    say(f"loading {SIGNATURES:,} confirmed and {PENDING:,} unconfirmed signatures")
    data.load(page, SIGNATURES, PENDING)
    server = stack.server()
    say(f"gunicorn: {server.workers} sync workers on {server.url}; wrk {load.CONNECTIONS} connections")
    server.start()
    results["workers"] = server.workers
    say("statement page and its static copy")
    measure_page(server, results)
    say("baseline form view, signing and confirmations")
    measure_forms(server, page, results)
    results["server_errors"] = server.log().count("Traceback")
    server.stop()
    say("CSV export memory")
    close_connections()
    measure_memory(stack, page, results)
    close_connections()
    return results


def summarise(results):
    page, static = results["page"], results["static"]
    sign, baseline, confirm = results["sign"], results["baseline"], results["confirm"]
    small, big = results["export_small"], results["export_big"]
    page_ratio = page.rate / static.rate
    sign_ratio = sign.rate / baseline.rate
    confirm_ratio = confirm.rate / sign.rate
    memory_ratio = big["peak_kib"] / small["peak_kib"]
    exact = results["kept_total"] == results["confirmed_total"]
    tasks_ok = results["tasks_queued"] == results["sign_rows"] + results["warm_rows"]
    sign_ok = sign.statuses.get(302, 0) == sign.requests and not sign.socket_errors and tasks_ok
    confirm_ok = confirm.statuses.get(302, 0) == confirm.requests and not confirm.repeats
    ratios = [
        ("statement page ÷ static copy (req/s)", f"{page_ratio:.2f}", "≥ 0.80", yes(page_ratio >= 0.8)),
        ("signing ÷ baseline form view (req/s)", f"{sign_ratio:.2f}", "≥ 0.50", yes(sign_ratio >= 0.5 and sign_ok)),
        (
            "confirmations ÷ signing (req/s), counts exact",
            f"{confirm_ratio:.2f}, {'exact' if exact else 'NOT exact'}",
            "≥ 0.9 (same rate), exact",
            yes(confirm_ratio >= 0.9 and exact and confirm_ok),
        ),
        (
            f"CSV export peak RSS, {big['rows']:,} ÷ {small['rows']:,} rows",
            f"{memory_ratio:.2f}",
            "≤ 1.10 (flat)",
            yes(memory_ratio <= 1.1),
        ),
    ]

    def rate(run):
        return (
            f"{run.rate:,.0f}/s ({run.requests:,} in {run.seconds:.1f} s, p50 {run.latency_p50_ms:.1f} ms, "
            f"p99 {run.latency_p99_ms:.1f} ms, non-2xx/3xx {run.non_2xx_3xx}, socket errors {run.socket_errors})"
        )

    def statuses(run):
        return ", ".join(f"{code}: {count:,}" for code, count in sorted(run.statuses.items()) if code)

    def export(figures):
        return (
            f"{figures['rows']:,} rows, {figures['bytes'] / 1e6:.0f} MB of CSV in {figures['seconds']} s; "
            f"RSS {figures['rss_before_kib'] / 1024:.1f} MiB before, peak {figures['peak_kib'] / 1024:.1f} MiB "
            f"during the export ({'peak counter reset before it' if figures['peak_reset'] else 'process peak'})"
        )

    figures = [
        ("statement page size (bytes, uncompressed)", f"{results['page_bytes']:,}"),
        ("static copy, same bytes", rate(static)),
        ("statement page", rate(page)),
        ("thank-you page (where each confirmation lands)", rate(results["thanks"])),
        ("baseline form view", f"{rate(baseline)}; rows saved {results['baseline_rows']:,}"),
        (
            "signing",
            f"{rate(sign)}; statuses {statuses(sign)}; rows saved {results['sign_rows']:,} "
            f"(+{results['warm_rows']:,} in the warm-up); email tasks queued {results['tasks_queued']:,} "
            f"for {results['sign_rows'] + results['warm_rows']:,} new signatures "
            f"({'one each' if tasks_ok else 'NOT one each'})",
        ),
        (
            "confirmations",
            f"{rate(confirm)}; statuses {statuses(confirm)}; repeated tokens {confirm.repeats}; "
            f"rows confirmed {results['confirmed_rows']:,} (warm-up included)",
        ),
        ("kept count ÷ confirmed rows after the run", f"{results['kept_total']:,} / {results['confirmed_total']:,}"),
        (f"CSV export, {small['rows']:,} rows", export(small)),
        (f"CSV export, {big['rows']:,} rows", export(big)),
        ("tracebacks in the gunicorn log", str(results["server_errors"])),
    ]
    notes = [
        f"gunicorn {results['workers']} sync workers (2 × cores + 1), config.wsgi with bench.settings "
        "(config.settings.production plus a temporary STATIC_ROOT, WHITENOISE_ROOT and the baseline view).",
        f"wrk -t{load.THREADS} -c{load.CONNECTIONS} -d{load.DURATION}s, {ROUNDS} rounds alternating each "
        f"measurement with its baseline (rates are all requests ÷ all seconds), after a {load.WARMUP} s warm-up; "
        "to 127.0.0.1 only. wrk runs on the same 2 cores as gunicorn, PostgreSQL and Redis.",
        "The static copy is the statement page's own bytes saved under WHITENOISE_ROOT; neither request "
        "asks for compression.",
        "Signing posts reuse one CSRF cookie and token; each has a new email address; RATE_LIMIT_SIGN is "
        "raised so the limit is counted in Redis but never reached, and SIGNING_EMAIL_BUDGET so none is held. "
        "Tasks go to django_tasks_db (no worker runs).",
        "Rows saved exceed the 302s wrk counted by up to one request per connection per round: "
        "requests in flight when wrk stops still complete on the server.",
        "Confirmations POST the confirm page's form (the button; opening the emailed link changes nothing) "
        "with the tokens of unconfirmed signatures loaded beforehand, each once, reusing the signing run's "
        "CSRF cookie and token; each answers 302 to the thank-you page, a cached page whose rate is measured "
        "beside the statement's.",
        "Export: statements.exports.csv_response over the signatures filtered by source, read to the end "
        "in a fresh process per size; peak RSS is VmHWM, reset (clear_refs) just before the export.",
    ]
    return ratios, figures, notes


def main():
    problems = [problem for problem in (postgres_problem(), redis_problem(), load.wrk_problem()) if problem]
    if problems:
        print("SKIPPED make bench: " + "; ".join(problems) + ".")
        return 0
    started = time.monotonic()
    load_at_start = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    prefix = os.environ.get("BENCH_DB_PREFIX", "bench_campaign")
    # Every signing from the one load generator takes the full path: saved and its confirmation email queued.
    with Stack(f"{prefix}_{os.getpid()}", RATE_LIMIT_SIGN=str(10**9), SIGNING_EMAIL_BUDGET=str(10**9)) as stack:
        try:
            results = run(stack)
        finally:
            close_connections_if_set_up()
        from bench.servers import postgres_version, redis_version

        versions = {
            "PostgreSQL": postgres_version(),
            "Redis": redis_version(),
            "wrk": load.wrk_version(),
        }
    ratios, figures, notes = summarise(results)
    info = {**report.machine(versions), "load average (1, 5, 15 min) at the start": load_at_start}
    notes.append(f"The whole run took {time.monotonic() - started:.0f} s.")
    print()
    print(report.table(ratios))
    print()
    for what, figure in figures:
        print(f"{what}: {figure}")
    path = report.write(report.markdown(info, ratios, figures, notes))
    print(f"\nWritten to {Path(path).relative_to(Path.cwd()) if Path(path).is_relative_to(Path.cwd()) else path}")
    return 0


def close_connections_if_set_up():
    if "django" in sys.modules:
        from django.apps import apps

        if apps.ready:
            close_connections()


if __name__ == "__main__":
    sys.exit(main())
