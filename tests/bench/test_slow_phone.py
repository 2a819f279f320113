"""The slow-phone visit measures what a person on a poor link would see, and the floor for those bytes.

The browser tests drive Debian's Chromium through Playwright against a tiny
page served on 127.0.0.1; they are skipped, with the reason, without them.
"""

import http.server
import threading
from functools import partial

import pytest

from bench.slow_phone import ROUND_TRIP_MS, Visits, chain_depth, floor_ms, measure, phone_problem

PAGE = """<!doctype html>
<html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Statement</title><link rel="stylesheet" href="/site.css"></head>
<body><h1>Our statement</h1>{spacer}
<p class="hero-action"><a class="button" href="/statement/#sign">Sign the statement</a></p>
<p>Some words under the button, long enough to be a paragraph a person would read on a phone.</p></body></html>
"""
STYLESHEET = ".button { display: inline-flex; padding: 1rem; } h1 { background: url(/banner.svg); }"
BANNER = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


def test_the_floor_is_the_longest_chain_of_round_trips_plus_the_bytes_at_the_links_speed():
    requests = [
        ("1", "http://127.0.0.1/", None),
        ("2", "http://127.0.0.1/site.css", "http://127.0.0.1/"),
        ("3", "http://127.0.0.1/site.js", "http://127.0.0.1/"),
        ("4", "http://127.0.0.1/font.woff2", "http://127.0.0.1/site.css"),
    ]

    assert chain_depth(requests) == 3  # the page, its stylesheet, the font the stylesheet names
    # 30 KB at 1.6 Mbit/s is 154 ms; two round trips of 150 ms: the 0.45 s.
    assert round(floor_ms(2, 30 * 1024)) == 454


@pytest.fixture
def site(tmp_path):
    """A page, its stylesheet and the image the stylesheet names, served on 127.0.0.1 in a thread."""

    def serve(spacer=""):
        (tmp_path / "index.html").write_text(PAGE.format(spacer=spacer))
        (tmp_path / "site.css").write_text(STYLESHEET)
        (tmp_path / "banner.svg").write_text(BANNER)
        return server.url

    handler = partial(QuietHandler, directory=str(tmp_path))
    server = QuietServer(("127.0.0.1", 0), handler)
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield serve
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the browser drops its favicon request (a 404) half-way: no traceback for that


@pytest.fixture
def phone_visit():
    if problem := phone_problem():
        pytest.skip(f"slow-phone visit: {problem}")
    return measure


@pytest.mark.browser
def test_a_slow_phone_sees_the_button_only_after_the_page_and_its_stylesheet_have_crossed_the_link(site, phone_visit):
    base = site()

    measured = phone_visit(base, "/index.html", "/index.html", ".hero-action .button", visits=1)

    home = measured["home"].visits[0]
    assert home.in_first_screen and home.element_timed_by == "element timing"
    assert home.requests == 3 and home.round_trips == 3 and home.statuses == {200}
    # The stylesheet blocks rendering: nothing is painted before two round trips.
    assert home.element_ms >= 2 * ROUND_TRIP_MS
    assert measured["home"].element_ms == home.element_ms
    assert home.floor_ms == floor_ms(3, home.transferred) and home.transferred > len(PAGE)
    statement = measured["statement"].visits[0]
    assert statement.lcp_ms >= 2 * ROUND_TRIP_MS and measured["statement"].lcp_ms == statement.lcp_ms


@pytest.mark.browser
def test_a_button_pushed_below_the_first_screen_is_never_counted_as_painted_in_it(site, phone_visit):
    base = site(spacer='<div style="height: 3000px"></div>')

    home = phone_visit(base, "/index.html", "/index.html", ".hero-action .button", visits=1)["home"]

    assert home.visits[0].element_found and not home.visits[0].in_first_screen
    assert home.element_ms is None
    assert isinstance(home, Visits) and home.ok
