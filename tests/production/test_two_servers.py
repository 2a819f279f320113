"""Two app servers, one PostgreSQL, one Redis: signing stays exact across them.

Starts two real gunicorn servers (production settings) on two loopback ports
against a throwaway database of their own and one Redis, sends signings to
both at the same moment (the same address to both, too), confirms them
through both, and checks what a campaign relies on: no server error, one
signature per address, counts equal to the confirmed rows, one email task per
new signature, and a rate limit that one server enforces for the other.

Needs DATABASE_URL pointing to PostgreSQL on 127.0.0.1 and Redis on
127.0.0.1:6379; skipped with the reason otherwise. It takes about a minute
(most of it migrating the new database).
"""

import http.client
import os
import threading
from urllib.parse import urlencode, urlsplit

import psycopg
import pytest
from django_tasks_db.models import DBTaskResult

from bench.load import csrf_pair
from bench.servers import HOST, POSTGRES_PORT, POSTGRES_USER, Stack, postgres_problem, redis_problem
from core.emails import send_email


def skip_reason():
    url = urlsplit(os.environ.get("DATABASE_URL", ""))
    if url.scheme not in {"postgres", "postgresql", "pgsql"}:
        return "the two-server test needs DATABASE_URL pointing to PostgreSQL"
    if url.hostname not in {HOST, "localhost"}:
        return f"the two-server test runs against PostgreSQL on {HOST}, not {url.hostname}"
    return postgres_problem() or redis_problem()


REASON = skip_reason()
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(REASON is not None, reason=f"SKIPPED two app servers: {REASON}"),
]

RATE_LIMIT = 5
EMAIL_TASK = send_email.module_path
PERSON = {
    "kind": "person",
    "name": "Two Servers",
    "town": "Leeds",
    "region": "yorkshire",
    "show_publicly": "on",
    "website": "",
}


def database_name():
    name = urlsplit(os.environ.get("DATABASE_URL", "")).path.lstrip("/") or "campaign"
    return f"{name}_two_servers"


@pytest.fixture(scope="module")
def servers():
    """Two gunicorns (two workers each) sharing one new database and one Redis key space."""
    # Behind a load balancer: the visitor's address comes from X-Forwarded-For,
    # so the test can be many visitors, each with their own rate-limit count.
    with Stack(database_name(), redis_db=14, RATE_LIMIT_SIGN=str(RATE_LIMIT), TRUSTED_PROXY_COUNT="1") as stack:
        stack.create()
        first, second = stack.server(workers=2), stack.server(workers=2)
        first.start()
        second.start()
        yield stack, first, second


def request(server, method, path, visitor, form=None, csrf=None):
    """One request to one server as `visitor` (an address for X-Forwarded-For); returns the status."""
    headers = {"X-Forwarded-For": visitor}
    body = None
    if form is not None:
        token, cookie = csrf
        body = urlencode({**form, "csrfmiddlewaretoken": token})
        headers |= {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}"}
    connection = http.client.HTTPConnection(HOST, server.port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def all_at_once(calls):
    """Run every call in its own thread, released together; return their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(number, call):
        barrier.wait()
        try:
            results[number] = call()
        except Exception as error:  # noqa: BLE001 - reported by the assertions
            results[number] = error

    threads = [threading.Thread(target=run, args=(number, call)) for number, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def query(stack, sql, *params):
    with psycopg.connect(host=HOST, port=POSTGRES_PORT, user=POSTGRES_USER, dbname=stack.db_name) as connection:
        return connection.execute(sql, params).fetchall()


def statement_id(stack):
    return query(stack, "SELECT page_ptr_id FROM statements_statementpage")[0][0]


def test_signing_on_two_servers_at_once_stays_exact(servers, settings):
    stack, first, second = servers
    csrf = csrf_pair(f"{first.url}/statement/")
    page_id = statement_id(stack)
    confirmed_before = query(
        stack, "SELECT count(*) FROM statements_signature WHERE page_id = %s AND confirmed_at IS NOT NULL", page_id
    )[0][0]

    # 12 people each post their address to both servers at the same moment
    # (a double submit split by the load balancer), and 12 more sign once.
    calls = []
    for number in range(12):
        form = {**PERSON, "email": f"Both-{number}@Example.org"}
        visitor = f"192.0.2.{number + 1}"
        calls += [
            lambda form=form, visitor=visitor: request(first, "POST", "/statement/sign/", visitor, form, csrf),
            lambda form=form, visitor=visitor: request(second, "POST", "/statement/sign/", visitor, form, csrf),
        ]
    for number in range(12):
        form = {**PERSON, "email": f"once-{number}@example.org"}
        server = (first, second)[number % 2]
        visitor = f"192.0.2.{number + 101}"
        calls.append(
            lambda form=form, server=server, visitor=visitor: request(
                server, "POST", "/statement/sign/", visitor, form, csrf
            )
        )

    statuses = all_at_once(calls)

    assert statuses == [302] * len(calls)
    rows = query(
        stack,
        "SELECT email_normalised, count(*) FROM statements_signature "
        "WHERE page_id = %s AND (email_normalised LIKE 'both-%%' OR email_normalised LIKE 'once-%%') "
        "GROUP BY email_normalised",
        page_id,
    )
    assert len(rows) == 24
    assert {count for _, count in rows} == {1}
    # One confirmation email queued per new signature, none for the repeat.
    tasks = query(stack, f"SELECT count(*) FROM {DBTaskResult._meta.db_table} WHERE task_path = %s", EMAIL_TASK)[0][0]
    assert tasks == 24

    # Everyone confirms (presses the button on the page their link opens) through either
    # server; half press it on both at once.
    signatures = query(
        stack,
        "SELECT id, email_normalised FROM statements_signature WHERE page_id = %s AND confirmed_at IS NULL",
        page_id,
    )
    settings.SECRET_KEY = stack.secret_key
    from statements.models import Signature
    from statements.tokens import CONFIRM

    calls = []
    for number, (pk, email) in enumerate(signatures):
        form = {"token": CONFIRM.make(Signature(pk=pk, email_normalised=email))}
        visitor = f"198.51.100.{number + 1}"
        for server in (first, second) if number % 2 else (first,):
            calls.append(
                lambda form=form, server=server, visitor=visitor: request(
                    server, "POST", "/statement/confirm/", visitor, form, csrf
                )
            )

    statuses = all_at_once(calls)

    assert statuses == [302] * len(calls)  # each on to the thank-you page
    confirmed = query(
        stack, "SELECT count(*) FROM statements_signature WHERE page_id = %s AND confirmed_at IS NOT NULL", page_id
    )[0][0]
    # The total is the kinds' counters (the region and union counters count the same signatures again).
    kept = query(
        stack,
        "SELECT coalesce(sum(count), 0) FROM statements_signaturecount "
        "WHERE page_id = %s AND kind IN ('person', 'organisation')",
        page_id,
    )[0][0]
    assert confirmed == confirmed_before + 24
    assert kept == confirmed


def test_the_rate_limit_is_shared_by_both_servers(servers):
    stack, first, second = servers
    csrf = csrf_pair(f"{second.url}/statement/")
    visitor = "203.0.113.9"

    statuses = [
        request(first, "POST", "/statement/sign/", visitor, {**PERSON, "email": f"limit-{number}@example.org"}, csrf)
        for number in range(RATE_LIMIT)
    ]
    sixth = request(second, "POST", "/statement/sign/", visitor, {**PERSON, "email": "limit-6@example.org"}, csrf)
    someone_else = request(
        second, "POST", "/statement/sign/", "203.0.113.10", {**PERSON, "email": "other@example.org"}, csrf
    )

    assert statuses == [302] * RATE_LIMIT
    assert sixth == 429
    assert someone_else == 302
    saved = query(stack, "SELECT count(*) FROM statements_signature WHERE email_normalised LIKE 'limit-%%'")[0][0]
    assert saved == RATE_LIMIT
