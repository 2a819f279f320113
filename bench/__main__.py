"""`make bench`: measure the stack against its own baselines and print the ratios.

One deployment (PostgreSQL, Redis, gunicorn with production settings, 100,000
signatures) is measured BENCH_RUNS times (3) in a row; bench/RESULTS.md lists
every run's ratios and whether each run met its target. Each run measures:

1. The statement page from the page cache against a static copy of the same
   bytes served by the same gunicorn + WhiteNoise.
2. The same two through a caching proxy (nginx with proxy_cache, bench.proxy)
   in front of a second gunicorn that logs every request: the ratio, and how
   many requests for the page reached gunicorn per cache period. Skipped with
   a message when nginx is not installed.
   Also the statement asked for with a new source code (?src=, as share links
   and QR codes carry) on every request, against the plain statement asked for
   by the same wrk script; and the statement from a gunicorn whose Redis does
   not answer (nothing listens on its port), against the plain statement.
3. Signing POSTs against two baselines: a two-field form view that inserts
   one row, and the same also queuing one email task in that transaction
   (bench.baseline); then confirmations (POSTs of the confirm page's button).
4. What a first visit to the statement downloads (HTML, CSS, JS as sent), and
   first visits on a slow phone (bench.slow_phone: Chromium with Lighthouse's
   mobile profile): the statement's LCP and when home's sign button is
   painted. Skipped with a message when Chromium or Playwright is missing.
5. The confirmation emails those signings queued, delivered by the Procfile's
   worker line through a provider that takes 100 ms a message (bench.surge).
Then, on 1,000,000 signatures: the signatories list's deep page against its
first (once per run), and the CSV export's peak memory (once). Last, on a
database of its own, the admin's signature search over 1,000,000 signatures
against over 10,000 (bench.signature_search, once).

Exits 0 with a SKIPPED line when PostgreSQL, Redis or wrk is missing.
Environment: BENCH_RUNS (3), BENCH_DURATION (seconds per wrk run, 10),
BENCH_EMAIL_SECONDS (the email window, 10), BENCH_CONNECTIONS (16),
BENCH_THREADS (2), BENCH_ROUNDS (2), BENCH_WORKERS (gunicorn workers, 2 x cores + 1), BENCH_KEYSET_REQUESTS (60),
BENCH_PHONE_VISITS (slow-phone visits per page per run, 3), CHROMIUM (/usr/bin/chromium),
BENCH_SIGNATURES (100,000), BENCH_BIG_EXPORT (1,000,000), BENCH_SEARCH_SMALL (10,000),
BENCH_SEARCH_LARGE (1,000,000), BENCH_DB_PREFIX
(throwaway database name prefix), BENCH_RESULTS (where to write). For a quick
check: BENCH_RUNS=1 BENCH_DURATION=2 BENCH_ROUNDS=1 BENCH_EMAIL_SECONDS=3
BENCH_SIGNATURES=10000 BENCH_BIG_EXPORT=100000 BENCH_PENDING=5000 BENCH_PHONE_VISITS=1
BENCH_SEARCH_SMALL=1000 BENCH_SEARCH_LARGE=20000.
Debian: apt-get install wrk nginx chromium (Playwright comes with make install-dev).
"""

import os
import re
import sys
import time
from pathlib import Path

from bench import handin_memory, load, memory, report, slow_phone, surge
from bench.config import (
    BIG_EXPORT,
    EMAIL_SECONDS,
    PENDING,
    ROUNDS,
    RUNS,
    SEARCH_LARGE,
    SEARCH_SMALL,
    SIGNATURES,
)
from bench.proxy import Nginx, nginx_problem
from bench.servers import HOST, Stack, free_port, postgres_problem, redis_problem
from bench.summary import summarise

WARMUP_CONFIRMATIONS = 2000
KEYSET_PAGE = 20_000
KEYSET_REQUESTS = int(os.environ.get("BENCH_KEYSET_REQUESTS", "60"))
STATIC_COPY = "statement-copy.html"
STATEMENT = "/statement/"
THANK_YOU = "/statement/confirm/done/"  # where every confirmation redirects
HOME = "/"
SIGN_BUTTON = ".hero-action .button"  # templates/home/home_page.html
BASELINE = "/bench/baseline/"  # bench.baseline: a form and an INSERT
BASELINE_EMAIL = "/bench/baseline/email/"  # the same and an email task queued in its transaction


def say(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def setup_django(stack):
    os.environ.update(stack.env)
    import django

    django.setup()


def close_connections():
    from django.db import connections

    connections.close_all()


def save_static_copy(server, results):
    """The statement page's bytes as a file WhiteNoise serves (restart: it indexes files when it starts)."""
    status, body, headers = load.get(f"{server.url}{STATEMENT}")
    assert status == 200, status
    (server.stack.whitenoise_root / STATIC_COPY).write_bytes(body)
    results["page_bytes"] = len(body)
    results["cache_control"] = headers.get("Cache-Control", "(none)")
    results["sets_cookies"] = sorted({header.split("=", 1)[0] for header in headers.get_all("Set-Cookie") or []})


def check_static_copy(server, results):
    status, copy, _ = load.get(f"{server.url}/{STATIC_COPY}")
    assert status == 200 and len(copy) == results["page_bytes"], (status, len(copy), results["page_bytes"])


def measure_page(server, results):
    """The statement against its static copy; then with a new ?src= each request against itself plain.

    The two sides of the query-string comparison are built alike, by one wrk script (bench/lua/query.lua):
    wrk's Lua costs CPU on the cores the server uses, which a plain run without a script does not spend.
    """
    static, page, thanks, scripted, query = [], [], [], [], []
    url = f"{server.url}{STATEMENT}"
    for number in range(ROUNDS):
        warmup = load.WARMUP if number == 0 else 0
        static.append(load.wrk("static copy", f"{server.url}/{STATIC_COPY}", warmup=warmup))
        page.append(load.wrk("statement page", url, warmup=warmup))
        thanks.append(load.wrk("thank-you page", f"{server.url}{THANK_YOU}", warmup=warmup))
        # The query-string pair is close to 1 by design: measured in turn, a drift in the machine cancels.
        pair = load.in_turn(
            {
                "plain": lambda duration: load.wrk(
                    "statement page, by the query script", url, "query.lua", ["none"], duration=duration, warmup=0
                ),
                "new src": lambda duration: load.wrk(
                    "statement page, a new ?src= each", url, "query.lua", ["new", "src"], duration=duration, warmup=0
                ),
            }
        )
        scripted += pair["plain"]
        query += pair["new src"]
    results["static"], results["page"], results["thanks"] = map(load.combine, (static, page, thanks))
    results["page_scripted"], results["page_query"] = load.combine(scripted), load.combine(query)


def measure_redis_down(without_redis, results):
    """The statement page from a gunicorn whose Redis does not answer: each process keeps it itself."""
    runs = []
    for number in range(ROUNDS):
        warmup = load.WARMUP if number == 0 else 0
        runs.append(load.wrk("statement page, Redis down", f"{without_redis.url}{STATEMENT}", warmup=warmup))
    results["page_redis_down"] = load.combine(runs)


def measure_proxy(proxied, nginx, results):
    """Statement page and static copy through nginx; count the page's requests that reached gunicorn."""
    static, page = [], []
    began = time.monotonic()
    before = proxied.requests_for(STATEMENT)
    for number in range(ROUNDS):
        warmup = load.WARMUP if number == 0 else 0
        static.append(load.wrk("static copy via proxy", f"{nginx.url}/{STATIC_COPY}", warmup=warmup))
        page.append(load.wrk("statement page via proxy", f"{nginx.url}{STATEMENT}", warmup=warmup))
    time.sleep(1)  # the access log is written as requests finish
    results["proxy_static"], results["proxy_page"] = load.combine(static), load.combine(page)
    results["proxy_seconds"] = time.monotonic() - began
    results["proxy_upstream"] = proxied.requests_for(STATEMENT) - before
    results["proxy_served"] = results["proxy_page"].requests


def measure_forms(server, page, tokens, results):
    """Rounds of: both baselines' posts, signing posts, confirmations, each run after the other.

    The baseline's email tasks are deleted at the end, so the worker then meets confirmations only.
    """
    from bench import data

    token, cookie = load.csrf_pair(f"{server.url}{STATEMENT}")
    tag = f"bench{int(time.time())}"
    sign_path = f"{page.url}sign/"
    confirm_path = f"{page.url}confirm/"
    workdir = server.stack.workdir
    warm, tokens = tokens[:WARMUP_CONFIRMATIONS], tokens[WARMUP_CONFIRMATIONS:]
    (workdir / "confirm-warm.txt").write_text("\n".join(warm) + "\n")
    share = len(tokens) // ROUNDS
    tasks_before = data.queued_emails()
    confirmed_before = data.confirmed_count(page)
    baseline, baseline_email, sign, confirm = [], [], [], []

    def posting(name, path, form, prefix, warm_prefix, warmup):
        """wrk posting `form` (post.lua) to `path`, each post's email starting with `prefix`."""
        args = [path, token, cookie, prefix, form]
        warmup_args = [path, token, cookie, warm_prefix, form]
        return load.wrk(
            name, f"{server.url}{path}", script="post.lua", args=args, warmup_args=warmup_args, warmup=warmup
        )

    for number in range(ROUNDS):
        warmup = load.WARMUP if number == 0 else 0
        baseline.append(posting("baseline form view", BASELINE, "baseline", f"{tag}b", f"{tag}bw", warmup))
        baseline_email.append(
            posting("baseline form view with an email task", BASELINE_EMAIL, "baseline", f"{tag}e", f"{tag}ew", warmup)
        )
        sign.append(posting("signing", sign_path, "sign", f"{tag}s{number}", f"{tag}w", warmup))
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
    results["csrf_token"] = bool(token)
    results["baseline"], results["sign"], results["confirm"] = map(load.combine, (baseline, sign, confirm))
    results["baseline_rows"] = data.baseline_rows(f"{tag}b-")
    results["baseline_email"] = load.combine(baseline_email)
    results["baseline_email_rows"] = data.baseline_rows(f"{tag}e")  # the warm-up's too: each queued a task
    results["baseline_email_tasks"] = data.baseline_emails()
    data.drop_baseline_emails()
    results["sign_rows"] = data.count_emails_like(f"{tag}s")
    results["warm_rows"] = data.count_emails_like(f"{tag}w-")
    results["tasks_queued"] = data.queued_emails() - tasks_before
    results["confirmed_rows"] = data.confirmed_count(page) - confirmed_before
    results["kept_total"], results["confirmed_total"] = data.counts_are_exact(page)


def measure_keyset(server, page, results):
    """The signatories list: page 1 and page 20,000 (or the last), neither from the page cache.

    Page 1 is asked for with ?kind=all, a parameter the list reads (so the page cache renders it
    for the request); an unknown one such as ?from=bench is now served the cached page.

    Timed one request at a time, the two pages alternating (load.timed_gets): the question is
    what one deep page costs against the first, not how many a saturated server answers.
    """
    from bench import data

    query, number, listed = data.deep_signatories_query(page, KEYSET_PAGE, 50)
    close_connections()
    first_url = f"{server.url}{page.url}signatories/?kind=all"
    deep_url = f"{server.url}{page.url}signatories/?{query}"
    first, deep = load.timed_gets([first_url, deep_url], KEYSET_REQUESTS)
    results["keyset"] = {"first": first, "deep": deep, "number": number, "listed": listed}


def run(stack):
    """Set up once, then RUNS runs of the web measurements; then the million-row ones."""
    runs = [{} for _ in range(RUNS)]
    say(f"database {stack.db_name}: migrate, demo content, collectstatic (about a minute)")
    stack.create()
    setup_django(stack)
    from bench import data

    page = data.statement_page()
    say(f"loading {SIGNATURES:,} confirmed and {PENDING:,} unconfirmed signatures")
    data.load(page, SIGNATURES, PENDING)
    tokens = data.confirmation_tokens(page)
    per_run = len(tokens) // RUNS
    close_connections()
    server = stack.server()
    proxied = stack.server(access_log=True)
    without_redis = stack.server(REDIS_URL=f"redis://{HOST}:{free_port()}/0")  # nothing listens there
    say(f"gunicorn: {server.workers} sync workers on {server.url}; wrk {load.CONNECTIONS} connections")
    server.start()
    save_static_copy(server, runs[0])
    server.restart()
    proxied.start()
    without_redis.start()
    check_static_copy(server, runs[0])
    no_proxy = nginx_problem()
    no_phone = slow_phone.phone_problem()
    nginx = None if no_proxy else Nginx(proxied.upstream).start()
    try:
        for number, results in enumerate(runs, 1):
            results.update({key: runs[0][key] for key in ("page_bytes", "cache_control", "sets_cookies")})
            results["workers"] = server.workers
            say(f"run {number} of {RUNS}: statement page and its static copy")
            measure_page(server, results)
            say(f"run {number}: the statement page from a server whose Redis does not answer")
            measure_redis_down(without_redis, results)
            if nginx:
                say(f"run {number}: the same through nginx's proxy_cache")
                measure_proxy(proxied, nginx, results)
            else:
                say(f"run {number}: SKIPPED the caching-proxy rows: {no_proxy}")
            say(f"run {number}: baseline form view, signing and confirmations")
            measure_forms(server, page, tokens[(number - 1) * per_run : number * per_run], results)
            results["first_visit"] = load.first_visit(server.url, STATEMENT)
            close_connections()
            if no_phone:
                say(f"run {number}: SKIPPED the slow-phone rows: {no_phone}")
                results["slow_phone_skipped"] = no_phone
            else:
                say(f"run {number}: first visits on a slow phone (Chromium, Lighthouse's mobile profile)")
                results["slow_phone"] = slow_phone.measure(server.url, STATEMENT, HOME, SIGN_BUTTON)
            say(f"run {number}: the Procfile's worker sends the queued confirmations (100 ms a message)")
            results["surge"] = surge.measure(stack.env, stack.workdir, str(number), EMAIL_SECONDS, data)
            close_connections()
    finally:
        if nginx:
            nginx.stop()
    server.stop()
    proxied.stop()
    without_redis.stop()
    say("CSV export memory")
    shared = {"export_small": memory.export_peak(stack.env, data.LOADED_SOURCE)}
    say(f"growing to {BIG_EXPORT:,} signatures")
    data.grow(page, SIGNATURES, BIG_EXPORT)
    shared["export_big"] = memory.export_peak(stack.env, data.LOADED_SOURCE)
    server.start()
    for number, results in enumerate(runs, 1):
        say(f"run {number}: signatories page 1 and a deep page of {BIG_EXPORT:,} signatures")
        measure_keyset(server, page, results)
    shared["server_errors"] = server.tracebacks() + proxied.tracebacks() + without_redis.tracebacks()
    server.stop()
    close_connections()
    say(f"the admin's signature search: {SEARCH_SMALL:,} signatures, then {SEARCH_LARGE:,}, on a database of its own")
    shared["search"] = measure_search(stack.db_name)
    return runs, shared


def measure_search(db_name):
    """bench.signature_search on a deployment of its own (its rows would swell every other measurement's table).

    Run as its own process with that deployment's settings; returns {"small", "large", "ratio"} (seconds).
    """
    with deployment(f"{db_name}_search") as search_stack:
        search_stack.create()
        output = search_stack.run_module("bench.signature_search", str(SEARCH_SMALL), str(SEARCH_LARGE))
    return read_search_report(output)


SEARCH_REPORT = re.compile(r"signatures: ([\d.]+) \((\d+) ms ÷ (\d+) ms")


def read_search_report(output):
    """bench.signature_search's line ("... signatures: 1.20 (12 ms ÷ 10 ms; ...") as seconds and their ratio."""
    match = SEARCH_REPORT.search(output)
    if match is None:
        raise RuntimeError(f"bench.signature_search said:\n{output}")
    ratio, large_ms, small_ms = float(match.group(1)), int(match.group(2)), int(match.group(3))
    return {"small": small_ms / 1000, "large": large_ms / 1000, "ratio": ratio}


def deployment(db_name):
    """The benchmark's Stack: production settings, with one load generator's limits out of reach.

    Every signing from the one load generator takes the full path: saved and its confirmation email queued.
    Its one address's limits and the organisers' burst alerts are raised out of reach (a real surge comes
    from many networks), so every task queued is one signer's confirmation.
    """
    unreachable = str(10**9)
    limits = dict(RATE_LIMIT_SIGN=unreachable, SIGNING_EMAIL_BUDGET=unreachable)
    alerts = dict(REVIEW_ALERT_NETWORK=unreachable, REVIEW_ALERT_DOMAIN=unreachable)
    return Stack(db_name, **limits, **alerts)


def main():
    problems = [problem for problem in (postgres_problem(), redis_problem(), load.wrk_problem()) if problem]
    if problems:
        print("SKIPPED make bench: " + "; ".join(problems) + ".")
        return 0
    if problem := nginx_problem():
        print(f"SKIPPED the caching-proxy rows: {problem}.")
    if problem := slow_phone.phone_problem():
        print(f"SKIPPED the slow-phone rows: {problem}.")
    started = time.monotonic()
    load_at_start = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    prefix = os.environ.get("BENCH_DB_PREFIX", "bench_campaign")
    with deployment(f"{prefix}_{os.getpid()}") as stack:
        try:
            runs, shared = run(stack)
        finally:
            close_connections_if_set_up()
        from bench.servers import postgres_version, redis_version

        versions = {
            "PostgreSQL": postgres_version(),
            "Redis": redis_version(),
            "wrk": load.wrk_version(),
            "nginx": report.nginx_version(),
        }
    table, figures, notes = summarise(runs, shared)
    notes.append(handin_memory.report_line(handin_memory.measure_sizes()))  # its own database, once
    say(notes[-1])
    info = {**report.machine(versions), "load average (1, 5, 15 min) at the start": load_at_start}
    notes.append(f"The whole benchmark ({len(runs)} runs) took {time.monotonic() - started:.0f} s.")
    headings = ("what", "target", *[f"run {number}" for number in range(1, len(runs) + 1)], "every run")
    print()
    print(report.table(table, headings))
    for section, rows in figures.items():
        print(f"\n{section}:")
        for what, figure in rows:
            print(f"  {what}: {figure}")
    path = report.write(report.markdown(info, headings, table, figures, notes))
    print(f"\nWritten to {Path(path).relative_to(Path.cwd()) if Path(path).is_relative_to(Path.cwd()) else path}")
    return 0


def close_connections_if_set_up():
    if "django" in sys.modules:
        from django.apps import apps

        if apps.ready:
            close_connections()


if __name__ == "__main__":
    sys.exit(main())
