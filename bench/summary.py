"""The benchmark's results as ratios against DESIGN.md's targets, figures and notes, run by run.

`summarise(runs, shared)` takes what bench.__main__ measured (a dict per run,
and what was measured once) and returns the table (a row per target, a
column per run, and whether every run met it), the figures per run and the
notes that say how each figure was measured.
"""

import math

from bench import load
from bench.config import BIG_EXPORT, EMAIL_SECONDS, ROUNDS

FIRST_VISIT_BUDGET = 20 * 1024


def yes(condition):
    return "yes" if condition else "NO"


def ratio(measured, baseline):
    """measured ÷ baseline, 0 when the baseline measured nothing (the row then fails, never divides by zero)."""
    return measured / baseline if baseline else 0.0


def cache_period(cache_control):
    """Seconds a shared cache may keep the page (s-maxage, else max-age), or None when it may not."""
    words = [word.strip().lower() for word in cache_control.split(",")]
    if any(word in ("private", "no-cache", "no-store") for word in words):
        return None
    for name in ("s-maxage", "max-age"):
        for word in words:
            if word.startswith(name + "="):
                return int(word.split("=", 1)[1]) or None
    return None


def clean(*runs):
    """No error answers and no socket errors in any of `runs`: a fast error is no result."""
    return not any(run.non_2xx_3xx or run.socket_errors for run in runs)


def ratios_of(results):
    """[(what, target, measured, met)] for one run."""
    rows = []
    page, static = results["page"], results["static"]
    page_ratio = ratio(page.rate, static.rate)
    rows.append(
        (
            "statement page (page cache) ÷ static copy (req/s)",
            "≥ 1.00",
            f"{page_ratio:.2f}",
            page_ratio >= 1.0 and clean(page, static),
        )
    )
    query = results["page_query"]
    query_ratio = ratio(query.rate, page.rate)
    rows.append(
        (
            "statement page with a new query string each request ÷ plain statement page (req/s)",
            "≥ 0.95",
            f"{query_ratio:.2f}",
            query_ratio >= 0.95 and clean(query, page),
        )
    )
    down = results["page_redis_down"]
    errors = down.non_2xx_3xx + down.socket_errors
    rows.append(
        (
            "statement page with Redis stopped ÷ with Redis (req/s); errors",
            "0 errors; ratio reported",
            f"{ratio(down.rate, page.rate):.2f}; {errors:,} errors",
            clean(down),
        )
    )
    if "proxy_page" in results:
        proxy_ratio = ratio(results["proxy_page"].rate, results["proxy_static"].rate)
        period = cache_period(results["cache_control"])
        allowed = math.floor(results["proxy_seconds"] / period) + 1 if period else 0
        upstream = results["proxy_upstream"]
        rows.append(
            (
                "statement page via caching proxy ÷ static copy via proxy (req/s); requests reaching gunicorn",
                "≥ 0.95; ≤ 1 per page per cache period",
                f"{proxy_ratio:.2f}; {upstream:,} of {results['proxy_served']:,} "
                + (f"(≤ {allowed} allowed: {period} s period)" if period else "(the page may not be cached)"),
                proxy_ratio >= 0.95
                and bool(period)
                and upstream <= allowed
                and clean(results["proxy_page"], results["proxy_static"]),
            )
        )
    else:
        rows.append(("statement page via caching proxy ÷ static copy via proxy", "≥ 0.95", "skipped (no nginx)", False))
    sign, baseline, confirm = results["sign"], results["baseline"], results["confirm"]
    sign_ratio = ratio(sign.rate, baseline.rate)
    tasks_ok = results["tasks_queued"] == results["sign_rows"] + results["warm_rows"]
    sign_ok = sign.statuses.get(302, 0) == sign.requests and not sign.socket_errors and tasks_ok
    rows.append(("signing ÷ baseline form view (req/s)", "≥ 0.50", f"{sign_ratio:.2f}", sign_ratio >= 0.5 and sign_ok))
    confirm_ratio = ratio(confirm.rate, sign.rate)
    exact = results["kept_total"] == results["confirmed_total"]
    confirm_ok = confirm.statuses.get(302, 0) == confirm.requests and not confirm.repeats
    rows.append(
        (
            "confirmations ÷ signing (req/s), counts exact",
            "≥ 0.90, exact",
            f"{confirm_ratio:.2f}, {'exact' if exact else 'NOT exact'}",
            confirm_ratio >= 0.9 and exact and confirm_ok,
        )
    )
    visit = sum(size for _, size, _ in results["first_visit"])
    rows.append(
        (
            "first visit to the statement: HTML + CSS + JS as sent (Accept-Encoding: br, gzip)",
            "≤ 20 KB",
            f"{visit / 1024:.1f} KB",
            visit <= FIRST_VISIT_BUDGET,
        )
    )
    keyset = results["keyset"]
    first, deep = keyset["first"], keyset["deep"]
    keyset_ratio = deep.median_ms / first.median_ms if first.seconds else math.inf
    keyset_ok = first.statuses == deep.statuses == {200}
    rows.append(
        (
            f"signatories page {keyset['number']:,} ÷ page 1 (median time per request)",
            "≤ 1.50",
            f"{keyset_ratio:.2f}",
            keyset_ratio <= 1.5 and keyset_ok,
        )
    )
    mail = results["surge"]
    rows.append(
        (
            "confirmation emails delivered a second, 100 ms a message at the provider, each once",
            "≥ 33/s, each once",
            f"{mail.rate:.1f}/s, {'each once' if mail.each_once else 'NOT each once'}",
            mail.rate >= 33 and mail.each_once and mail.queue_left > 0,
        )
    )
    return rows


def rate(run):
    return (
        f"{run.rate:,.0f}/s ({run.requests:,} in {run.seconds:.1f} s, p50 {run.latency_p50_ms:.1f} ms, "
        f"p99 {run.latency_p99_ms:.1f} ms, non-2xx/3xx {run.non_2xx_3xx}, socket errors {run.socket_errors})"
    )


def statuses(run):
    return ", ".join(f"{code}: {count:,}" for code, count in sorted(run.statuses.items()) if code)


def figures_of(results):
    """[(what, figure)] for one run."""
    sign, confirm = results["sign"], results["confirm"]
    tasks_ok = results["tasks_queued"] == results["sign_rows"] + results["warm_rows"]
    mail = results["surge"]
    keyset = results["keyset"]
    figures = [
        ("statement page size (bytes, uncompressed)", f"{results['page_bytes']:,}"),
        (
            "statement page's Cache-Control; cookies it sets",
            f"{results['cache_control']}; {', '.join(results['sets_cookies']) or 'none'}",
        ),
        ("static copy, same bytes", rate(results["static"])),
        ("statement page", rate(results["page"])),
        ("statement page, a new query string each request", rate(results["page_query"])),
        ("statement page, Redis stopped (nothing listens on its port)", rate(results["page_redis_down"])),
        ("thank-you page (where each confirmation lands)", rate(results["thanks"])),
    ]
    if "proxy_page" in results:
        figures += [
            ("static copy via nginx proxy_cache", rate(results["proxy_static"])),
            ("statement page via nginx proxy_cache", rate(results["proxy_page"])),
            (
                "statement page requests that reached gunicorn behind the proxy",
                f"{results['proxy_upstream']:,} in {results['proxy_seconds']:.0f} s "
                f"(warm-up included; the proxy answered {results['proxy_served']:,} in the measured runs)",
            ),
        ]
    figures += [
        ("baseline form view", f"{rate(results['baseline'])}; rows saved {results['baseline_rows']:,}"),
        (
            "signing",
            f"{rate(sign)}; statuses {statuses(sign)}; rows saved {results['sign_rows']:,} "
            f"(+{results['warm_rows']:,} in the warm-up); email tasks queued {results['tasks_queued']:,} "
            f"for {results['sign_rows'] + results['warm_rows']:,} new signatures "
            f"({'one each' if tasks_ok else 'NOT one each'}); posts carried "
            f"{'a CSRF token' if results['csrf_token'] else 'no CSRF token (none on the page)'}",
        ),
        (
            "confirmations",
            f"{rate(confirm)}; statuses {statuses(confirm)}; repeated tokens {confirm.repeats}; "
            f"rows confirmed {results['confirmed_rows']:,} (warm-up included)",
        ),
        ("kept count ÷ confirmed rows after the run", f"{results['kept_total']:,} / {results['confirmed_total']:,}"),
        (
            "first visit, as sent",
            "; ".join(f"{path} {size:,} B ({encoding})" for path, size, encoding in results["first_visit"]),
        ),
        (
            f"signatories, {keyset['listed']:,} listed of {BIG_EXPORT:,}",
            f"page 1: median {keyset['first'].median_ms:.1f} ms; page {keyset['number']:,}: median "
            f"{keyset['deep'].median_ms:.1f} ms ({len(keyset['first'].seconds)} requests each, one at a time)",
        ),
        (
            "email surge",
            f"{mail.delivered_in_window:,} delivered in {mail.seconds:.1f} s once running "
            f"(start-up {mail.startup_seconds:.1f} s); {mail.delivered:,} in all to {mail.recipients:,} "
            f"recipients, {mail.finished_tasks:,} tasks finished, {mail.tasks_run_twice} run twice; "
            f"{mail.queue_left:,} still queued at the end of the window "
            f"({'the queue never ran dry' if mail.queue_left else 'the queue RAN DRY: the rate is a lower bound'})",
        ),
    ]
    if not mail.each_once:
        figures.append(("worker log's end (an email not sent exactly once)", " ⏎ ".join(mail.log[-1500:].splitlines())))
    return figures


def shared_rows(shared):
    small, big = shared["export_small"], shared["export_big"]
    memory_ratio = big["peak_kib"] / small["peak_kib"]
    row = (
        f"CSV export peak RSS, {big['rows']:,} ÷ {small['rows']:,} rows (measured once)",
        "≤ 1.10 (flat)",
        f"{memory_ratio:.2f}",
        memory_ratio <= 1.1,
    )

    def export(figures):
        return (
            f"{figures['rows']:,} rows, {figures['bytes'] / 1e6:.0f} MB of CSV in {figures['seconds']} s; "
            f"RSS {figures['rss_before_kib'] / 1024:.1f} MiB before, peak {figures['peak_kib'] / 1024:.1f} MiB "
            f"during the export ({'peak counter reset before it' if figures['peak_reset'] else 'process peak'})"
        )

    figures = [
        (f"CSV export, {small['rows']:,} rows", export(small)),
        (f"CSV export, {big['rows']:,} rows", export(big)),
        ("tracebacks in the gunicorn logs (all runs)", str(shared["server_errors"])),
    ]
    return row, figures


def summarise(runs, shared):
    """The ratio table (a row per target, a column per run), figures per run, and notes."""
    per_run = [ratios_of(results) for results in runs]
    table = []
    for index, (what, target, _, _) in enumerate(per_run[0]):
        cells = [f"{rows[index][2]} ({yes(rows[index][3])})" for rows in per_run]
        table.append((what, target, *cells, yes(all(rows[index][3] for rows in per_run))))
    memory_row, shared_figures = shared_rows(shared)
    what, target, measured, met = memory_row
    table.append((what, target, *[measured] * len(runs), yes(met)))
    figures = {f"run {number}": figures_of(results) for number, results in enumerate(runs, 1)}
    figures["all runs"] = shared_figures
    mail = runs[0]["surge"]
    notes = [
        f"gunicorn {runs[0]['workers']} sync workers (2 × cores + 1), config.wsgi with bench.settings "
        "(config.settings.production plus a temporary STATIC_ROOT, WHITENOISE_ROOT and the baseline view).",
        f"{len(runs)} runs in a row on one deployment; in each, wrk -t{load.THREADS} -c{load.CONNECTIONS} "
        f"-d{load.DURATION}s, {ROUNDS} rounds alternating each measurement with its baseline (rates are all "
        f"requests ÷ all seconds), after a {load.WARMUP} s warm-up; to 127.0.0.1 only. wrk runs on the same "
        "2 cores as gunicorn, nginx, PostgreSQL and Redis.",
        "The static copy is the statement page's own bytes saved under WHITENOISE_ROOT; neither request "
        "asks for compression.",
        "Caching proxy: nginx (Debian) with proxy_cache, proxy_cache_lock and proxy_cache_use_stale updating, "
        "in front of a second gunicorn (same settings, access log on); it honours the app's Cache-Control and, "
        "as nginx does by default, stores no response that sets a cookie. No fallback cache time is configured: "
        "a page the app does not mark cacheable reaches gunicorn every time. Requests reaching gunicorn are "
        "counted from its access log; at most one per cache period (s-maxage, else max-age) plus the first fill "
        "is allowed.",
        "Signing posts reuse one CSRF cookie and token when the page has them (none when it has no token), "
        "and send Sec-Fetch-Site: same-origin as a browser does; each has a new email address; RATE_LIMIT_SIGN "
        "is raised so the limit is counted in Redis but never reached, SIGNING_EMAIL_BUDGET so none is held, "
        "and REVIEW_ALERT_NETWORK/DOMAIN so no burst alert to organisers joins the confirmation emails. "
        "Tasks go to django_tasks_db.",
        "Rows saved exceed the 302s wrk counted by up to one request per connection per round: "
        "requests in flight when wrk stops still complete on the server.",
        "Confirmations POST the confirm page's form (the button; opening the emailed link changes nothing) "
        "with the tokens of unconfirmed signatures loaded beforehand, each once; each answers 302 to the "
        "thank-you page, a cached page whose rate is measured beside the statement's.",
        f"Email surge: the Procfile's worker line run as written (`{mail.command}`) with the deployment's "
        "environment and EMAIL_BACKEND=bench.email_backends.SlowProviderBackend (anymail's test backend that "
        f"waits 100 ms per message); the rate counts messages delivered in a {EMAIL_SECONDS:.0f} s window that "
        "opens once the worker delivers; the worker is then stopped with SIGTERM. Each once: as many messages as "
        "distinct recipients (every signing has its own address) and as finished email tasks, none claimed twice.",
        "First visit: the statement's HTML and the stylesheets and scripts it links, each fetched with "
        "Accept-Encoding: br, gzip and counted as sent (body bytes, headers left out).",
        "Signatories: page 1 (with a query string, so not from the page cache) and the page 20,000 pages deep "
        "(or the last, 50 a page; its ?before= position found by the benchmark), GET one at a time, the two "
        f"alternating, on {BIG_EXPORT:,} signatures, after the runs above; the ratio is the deep page's median "
        "time ÷ page 1's.",
        "Export: statements.exports.csv_response over the signatures filtered by source, read to the end "
        "in a fresh process per size; peak RSS is VmHWM, reset (clear_refs) just before the export.",
    ]
    return table, figures, notes
