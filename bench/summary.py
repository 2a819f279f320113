"""The benchmark's results as ratios against DESIGN.md's targets, figures and notes, run by run.

`summarise(runs, shared)` takes what bench.__main__ measured (a dict per run,
and what was measured once) and returns the table (a row per target, a
column per run, and whether every run met it), the figures per run and the
notes that say how each figure was measured.
"""

import math

from bench import load, slow_phone
from bench.config import BIG_EXPORT, EMAIL_SECONDS, ROUNDS, SEARCH_LARGE, SEARCH_SMALL

FIRST_VISIT_BUDGET = 20 * 1024
SLOW_PHONE_MS = 1000


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


def all_redirected(run):
    """Every post of a form run answered 302 (its redirect after saving), none lost to a socket error."""
    return run.statuses.get(302, 0) == run.requests and not run.socket_errors


def seconds(milliseconds):
    return "none" if milliseconds is None else f"{milliseconds / 1000:.2f} s"


def slow_phone_rows(results):
    """The two first-visit rows on a slow phone: statement LCP and home's sign button, each ≤ 1.0 s."""
    lcp_what = "first visit on a slow phone: statement's Largest Contentful Paint (floor for its bytes)"
    button_what = "first visit on a slow phone: home's sign button painted in the first screen (floor for its bytes)"
    phone = results.get("slow_phone")
    if phone is None:
        skipped = f"skipped ({results.get('slow_phone_skipped', 'not measured')})"
        return [(lcp_what, "≤ 1.0 s", skipped, False), (button_what, "≤ 1.0 s", skipped, False)]
    statement, home = phone["statement"], phone["home"]
    lcp, painted = statement.lcp_ms, home.element_ms
    return [
        (
            lcp_what,
            "≤ 1.0 s",
            f"{seconds(lcp)} (floor {seconds(statement.floor_ms)})",
            lcp is not None and lcp <= SLOW_PHONE_MS and statement.ok,
        ),
        (
            button_what,
            "≤ 1.0 s",
            f"{seconds(painted)} (floor {seconds(home.floor_ms)})"
            + ("" if painted is not None else ": not painted in the first screen"),
            painted is not None and painted <= SLOW_PHONE_MS and home.ok,
        ),
    ]


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
    query, scripted = results["page_query"], results["page_scripted"]
    query_ratio = ratio(query.rate, scripted.rate)
    rows.append(
        (
            "statement page with a new ?src= each request ÷ plain statement page, both from one wrk script (req/s)",
            "≥ 0.95",
            f"{query_ratio:.2f}",
            query_ratio >= 0.95 and clean(query, scripted),
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
    with_email = results["baseline_email"]
    tasks_ok = results["tasks_queued"] == results["sign_rows"] + results["warm_rows"]
    sign_ok = all_redirected(sign) and tasks_ok
    sign_ratio = ratio(sign.rate, with_email.rate)
    with_email_ok = all_redirected(with_email) and results["baseline_email_tasks"] == results["baseline_email_rows"]
    rows.append(
        (
            "signing ÷ form view + INSERT + an email task queued in its transaction (req/s)",
            "≥ 0.70",
            f"{sign_ratio:.2f}",
            sign_ratio >= 0.7 and sign_ok and with_email_ok,
        )
    )
    bare_ratio = ratio(sign.rate, baseline.rate)
    rows.append(
        (
            "signing ÷ bare form view + INSERT (req/s; #14's ratio, kept for comparison)",
            "reported",
            f"{bare_ratio:.2f}",
            sign_ok and all_redirected(baseline),
        )
    )
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
    rows += slow_phone_rows(results)
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
        ("statement page, plain, each request built by the query script", rate(results["page_scripted"])),
        ("statement page, a new ?src= each request (the same script)", rate(results["page_query"])),
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
        ("baseline form view (form + INSERT)", f"{rate(results['baseline'])}; rows saved {results['baseline_rows']:,}"),
        (
            "baseline form view with an email task (form + INSERT + task queued in one transaction)",
            f"{rate(results['baseline_email'])}; statuses {statuses(results['baseline_email'])}; rows saved "
            f"{results['baseline_email_rows']:,} (warm-up included), email tasks queued "
            f"{results['baseline_email_tasks']:,}",
        ),
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
    figures += slow_phone_figures(results.get("slow_phone"))
    if not mail.each_once:
        figures.append(("worker log's end (an email not sent exactly once)", " ⏎ ".join(mail.log[-1500:].splitlines())))
    return figures


def fetched(visit):
    codes = ", ".join(map(str, sorted(visit.statuses, key=str)))
    failed = "".join(f" ({status} {path})" for status, path in visit.not_ok)
    return (
        f"{visit.requests} requests, {visit.transferred / 1024:.1f} KB, {visit.round_trips} round trips in the "
        f"longest chain: floor {seconds(visit.floor_ms)}; statuses {codes}{failed}"
    )


def painted(visit):
    where = "in the first screen" if visit.in_first_screen else "NOT in the first screen"
    by = f", {visit.element_timed_by}" if visit.element_timed_by else ""
    return f"painted {seconds(visit.element_ms)} ({where}{by})"


def slow_phone_figures(phone):
    """Each slow-phone visit: its time, what it fetched, and the floor for those bytes."""
    if phone is None:
        return []
    statement, home = phone["statement"], phone["home"]
    return [
        (
            f"slow phone, statement ({statement.page}), each visit",
            " | ".join(f"LCP {seconds(visit.lcp_ms)}; {fetched(visit)}" for visit in statement.visits),
        ),
        (
            f"slow phone, home's sign button ({home.page}), each visit",
            " | ".join(f"{painted(visit)}; {fetched(visit)}" for visit in home.visits),
        ),
    ]


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


SEARCH_TARGET = 3.0


def search_row(shared):
    """The admin's signature search, SEARCH_LARGE ÷ SEARCH_SMALL signatures (bench.signature_search), ≤ 3."""
    search = shared["search"]
    return (
        f"admin signature search, {SEARCH_LARGE:,} ÷ {SEARCH_SMALL:,} signatures (time; measured once)",
        f"≤ {SEARCH_TARGET:.0f}",
        f"{search['ratio']:.2f} ({search['large'] * 1000:.0f} ms ÷ {search['small'] * 1000:.0f} ms)",
        search["ratio"] <= SEARCH_TARGET,
    )


def summarise(runs, shared):
    """The ratio table (a row per target, a column per run), figures per run, and notes."""
    per_run = [ratios_of(results) for results in runs]
    table = []
    for index, (what, target, _, _) in enumerate(per_run[0]):
        cells = [f"{rows[index][2]} ({yes(rows[index][3])})" for rows in per_run]
        table.append((what, target, *cells, yes(all(rows[index][3] for rows in per_run))))
    memory_row, shared_figures = shared_rows(shared)
    for what, target, measured, met in [memory_row, *([search_row(shared)] if "search" in shared else [])]:
        table.append((what, target, *[measured] * len(runs), yes(met)))
    figures = {f"run {number}": figures_of(results) for number, results in enumerate(runs, 1)}
    figures["all runs"] = shared_figures
    mail = runs[0]["surge"]
    notes = [
        f"gunicorn {runs[0]['workers']} sync workers (2 × cores + 1), config.wsgi with bench.settings "
        "(config.settings.production plus a temporary STATIC_ROOT, WHITENOISE_ROOT and the baseline views).",
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
        "Signing is measured against two baselines in the same gunicorn, behind the same middleware and "
        "origin check (bench.baseline): a two-field form that inserts one row (#14's baseline, its ratio kept "
        "for comparison), and the same inserting the row and queuing one email task through django-tasks "
        "(core.emails.queue_email, as signing queues its confirmation) in one transaction: the work signing "
        "cannot avoid; its target is ≥ 0.70. That baseline's tasks are deleted (and the queue's table "
        "vacuumed) before the worker runs, so the email rate is the confirmations' alone.",
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
        f"Slow phone: Debian's Chromium through Playwright, each visit a new context (empty cache, no cookies) "
        f"throttled through the DevTools protocol as Lighthouse's mobile profile: {slow_phone.ROUND_TRIP_MS} ms "
        f"round trip, {slow_phone.DOWN_BITS / 1e6:.1f} Mbit/s down, {slow_phone.UP_BITS / 1e3:.0f} kbit/s up, "
        f"CPU {slow_phone.CPU_SLOWDOWN}× slower, a {slow_phone.SCREEN['width']} × {slow_phone.SCREEN['height']} "
        f"screen; against the same gunicorn, each page visited once unthrottled first (warm). The figure is the "
        f"median of {slow_phone.VISITS} visits per run, from navigation start: the statement's last "
        "largest-contentful-paint entry, and the home page's sign button (.hero-action .button) by Element "
        "Timing (its text's first paint, counted only inside the first screen), else the first animation frame "
        "in which it is inside the first screen. Floor: the round trips of the longest chain of requests (page, "
        "stylesheet, what the stylesheet names...) × the round trip, plus every byte the page fetched (DevTools' "
        "encoded length, headers included; the browser's own favicon request left out) ÷ the bandwidth.",
        "A new source code each request: wrk sends /statement/?src=<thread>-<n>-<random>, a source code "
        "never sent before, built per request by bench/lua/query.lua; the plain statement it is divided by is "
        "asked for by the same script without the query string, so wrk's own work per request (its Lua, on the "
        "cores the server uses) is the same on both sides. The page reads no `src` parameter, so the page cache "
        "serves its cached copy without parsing the query string.",
        "Signatories: page 1 (with a query string, so not from the page cache) and the page 20,000 pages deep "
        "(or the last, 50 a page; its ?before= position found by the benchmark), GET one at a time, the two "
        f"alternating, on {BIG_EXPORT:,} signatures, after the runs above; the ratio is the deep page's median "
        "time ÷ page 1's.",
        "Admin search: bench.signature_search on a database of its own (its rows would swell every table above): "
        "the signatures list an organiser opens (GET /admin/statements/signature/?q=...) through Django's test "
        "client as a superuser, four searches, each one's best of 5, their median; once on "
        f"{SEARCH_SMALL:,} generated signatures, then on {SEARCH_LARGE:,}.",
        "Export: the signatures list's CSV download as the admin serves it (the list filtered by source, then "
        "?export=csv, through Django's test client as a superuser: the list's view and core.exports), read to the "
        "end in a fresh process per size; peak RSS is VmHWM, reset (clear_refs) just before the export.",
    ]
    return table, figures, notes
