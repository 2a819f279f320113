"""A real browser against a live server: one Chromium for the whole session.

Debian's Chromium (`apt-get install chromium`) is driven by Playwright's sync
API; Playwright's own browser downloads cannot be fetched here, so its
bundled browsers are never used. axe-core and the Nu HTML Checker come from
npm (`package.json`, installed by `make test`). When a tool is missing, the
tests that need it are skipped with a reason saying how to install it, and
pytest's `-ra` summary lists those reasons.

The read-only checks (pages, forms' error states, keyboard, no JavaScript,
HTML validity) visit ONE demo site built once per session: a real server in
a subprocess (`demo_server`, settings in config/settings/browser.py) on a
throwaway SQLite file with the demo content loaded, torn down at the end.
It is independent of the test database, so it is the same in the SQLite and
the PostgreSQL pass. The journeys (test_journeys.py) instead use pytest-django's
live server and the real test database (`live_page`), so they can read the
emails sent and the rows written.

Each test gets its own tab, at a phone and a desktop width (the checks on
the demo server share one context per width, emptied of cookies between
tests; each journey has its own context); when a test fails, a screenshot and the page's HTML are saved
in `test-artifacts/`.
"""

import os
import re
import shutil
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connections
from pytest_django.live_server_helper import LiveServer

from bench.slow_phone import CHROMIUM_ARGS  # headless and quiet: the bench's phone launches Chromium the same way
from core.organisers import ORGANISERS_GROUP
from tests.conftest import make_user

from . import checks
from .checks import VIEWPORTS, format_violations, run_axe, sideways_overflow, sign_in_to_admin
from .demo_server import DemoServer

# Playwright's sync API keeps an asyncio event loop running in this thread for
# as long as the browser is open, and Django then refuses every ORM call made
# here ("SynchronousOnlyOperation: You cannot call this from an async
# context"). The calls are ordinary synchronous ones, so the check is a false
# alarm; it is switched off for the whole session because the browser lives
# for the whole session (tests collected after these would hit it too).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = ROOT / "test-artifacts"
SCREENS = ARTIFACTS / "screens"
_TRANSITIONS_DONE = "document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState === 'finished')"


_REPORTS = pytest.StashKey[dict]()
_DEMO_SERVER = pytest.StashKey[DemoServer]()
HERE = Path(__file__).resolve().parent


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so fixtures can tell a failure at teardown."""
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    """Run the browser tests last, and start building the demo site now, in the background.

    Building it (the migrations, mostly) then overlaps the rest of the suite.
    """
    browser_tests = [item for item in items if Path(str(item.path)).is_relative_to(HERE)]
    if not browser_tests or not CHROMIUM.exists():
        return
    items[:] = [item for item in items if item not in browser_tests] + browser_tests
    if any("demo_server" in getattr(item, "fixturenames", ()) for item in browser_tests):
        config.stash[_DEMO_SERVER] = DemoServer()


def pytest_unconfigure(config):
    server = config.stash.get(_DEMO_SERVER, None)
    if server is not None:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session; skipped when it is not installed."""
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests: Chromium not found at {CHROMIUM} (apt-get install chromium; .ci/run installs it)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="browser tests: playwright is not installed (make install-dev)"
    )
    open_connections = connections.all(initialized_only=True)
    with sync_api.sync_playwright() as playwright:
        _keep_database_connections(open_connections)
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _keep_database_connections(open_connections):
    """Go on using the database connections this thread had before Playwright started.

    Django keeps connections in a `Local` that, once an event loop is
    running in the thread, looks them up per async context instead: without
    this, the tests would open new connections, which lack what the test
    database set-up left on the old ones (the serialized rollback's snapshot
    of the migrated database, the shared SQLite in-memory database).
    """
    for connection in open_connections:
        connections[connection.alias] = connection


class _OneRequestAtATime(ThreadedWSGIServer):
    """Django's threaded test server, running its application for one request at a time.

    On SQLite the test database lives in memory and every request thread uses
    the tests' one connection: two requests at once (the admin's autosave
    beside an image upload from its chooser) interleave their transactions on
    it and one of them fails now and then with a 500. Holding a lock from the
    call until the response is read keeps them apart; connections are still
    accepted in parallel, so a socket the browser opens early and leaves idle
    blocks nothing.
    """

    def set_app(self, application):
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                response = application(environ, start_response)
                try:
                    return list(response)
                finally:
                    if hasattr(response, "close"):
                        response.close()

        super().set_app(one_at_a_time)


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, with requests kept apart where they share one SQLite connection."""
    address = request.config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    server = LiveServer(address, start=False)
    if server.thread.connections_override:
        server.thread.server_class = _OneRequestAtATime
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def browser_urls(settings):
    """The site's URLs plus the pages only tests reach (tests/browser/urls.py)."""
    settings.ROOT_URLCONF = "tests.browser.urls"


@pytest.fixture(scope="session")
def demo_server(request):
    """The address of the shared demo site (tests/browser/demo_server.py), for the whole session."""
    server = request.config.stash.get(_DEMO_SERVER, None)
    if server is None:  # not started at collection: e.g. a test picked by its node id only
        server = request.config.stash[_DEMO_SERVER] = DemoServer()
    try:
        return server.start()
    except RuntimeError as error:
        pytest.fail(str(error))


@pytest.fixture
def demo_site(db):
    """The demo content, as `make run` shows it, built by the demo loader.

    Each app's demo builder makes its pages, so a feature's pages exist here
    as soon as its builder is in the loader. The one Site is the default one,
    so it answers on the live server's host and port as well as on testserver.
    """
    # Without the Welsh pages: a journey counts and chooses among one language's pages (the shared demo
    # server, which the page checks visit, has them).
    call_command("load_demo_content", welsh=False, stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def live_site(live_server, django_db_serialized_rollback, demo_site):
    """The live server's address, serving the demo site.

    The live server needs a transactional database, which is emptied after
    every test; the serialized rollback puts back what the migrations made
    (Wagtail's root page, locale, collection, groups) before the next one.
    """
    return live_server.url


def _new_context(browser, base_url, **options):
    context = browser.new_context(base_url=base_url, bypass_csp=True, **options)
    context.set_default_timeout(10_000)
    return context


def _open_page(request, context):
    """A new tab in `context`; on failure, a screenshot and the HTML are saved in test-artifacts/."""
    page = context.new_page()
    yield page
    report = request.node.stash.get(_REPORTS, {}).get("call")
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        stem = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.nodeid).strip("_")
        try:
            page.screenshot(path=f"{stem}.png", full_page=True)
            Path(f"{stem}.html").write_text(page.content())
        except Exception as error:  # the page may have crashed: say so, keep the test's own failure
            print(f"Could not save a screenshot of {request.node.nodeid}: {error}")
        else:
            print(f"Screenshot of the failure: {stem}.png")
    page.close()


@pytest.fixture(scope="session")
def demo_contexts(browser, demo_server):
    """One browser context per width (and one without JavaScript) on the demo server, reused by every check.

    Making a context costs more than a check's page load; the checks only
    read, so between tests emptying the cookies is enough.
    """
    contexts = {}

    def get(viewport, java_script_enabled=True):
        key = (viewport, java_script_enabled)
        if key not in contexts:
            contexts[key] = _new_context(
                browser, demo_server, viewport=VIEWPORTS[viewport], java_script_enabled=java_script_enabled
            )
        context = contexts[key]
        context.clear_cookies()
        return context

    yield get
    for context in contexts.values():
        context.close()


@pytest.fixture(params=list(VIEWPORTS))
def page(request, demo_contexts):
    """A fresh tab on the shared demo server at a phone width and at a desktop width.

    For checks that change nothing a later check depends on. To run a test at
    one width only: @pytest.mark.parametrize("page", ["phone"], indirect=True).
    """
    yield from _open_page(request, demo_contexts(request.param))


@pytest.fixture
def no_js_page(request, demo_contexts):
    """A tab on the shared demo server with JavaScript switched off, at a phone width."""
    yield from _open_page(request, demo_contexts("phone", java_script_enabled=False))


@pytest.fixture(params=list(VIEWPORTS))
def live_page(request, browser, live_site):
    """A fresh tab on the live server and the test database, with the demo content loaded.

    For journeys that read what the site wrote (emails in mail.outbox, rows).
    To run at one width only: @pytest.mark.parametrize("live_page", ["desktop"], indirect=True).
    """
    context = _new_context(browser, live_site, viewport=VIEWPORTS[request.param])
    yield from _open_page(request, context)
    context.close()


def organiser_tabs(request, browser, live_site, viewport, size=None, **options):
    """A tab signed in to the admin as a member of the organisers group (never a superuser, who sees more).

    For a fixture to `yield from`, after making the test's records: `viewport` is the window's size
    ({"width", "height"}), `size` the name screenshots carry (a VIEWPORTS key; the width when not given);
    `options` go to the browser context (accept_downloads=True ...). The tab keeps `size`, and the HTML
    of each screen `look` photographs in `documents` for the HTML checker.
    """
    make_user("organiser", groups=[ORGANISERS_GROUP])
    context = _new_context(browser, live_site, viewport=viewport, **options)
    for tab in _open_page(request, context):
        sign_in_to_admin(tab, "organiser", "password")
        tab.size = size or viewport["width"]
        tab.documents = {}
        yield tab
    context.close()


@pytest.fixture(params=list(VIEWPORTS))
def organiser_tab(request, browser, live_site):
    """An organiser's tab at a phone width and at a desktop width, on the live server with the demo content.

    A test file that needs records first overrides it with a fixture of the same name that makes them and
    then `yield from organiser_tabs(...)`.
    """
    yield from organiser_tabs(request, browser, live_site, VIEWPORTS[request.param], request.param)


def look(tab, name, folder=SCREENS, ignore=None):
    """Photograph the screen whole as `<folder>/<name>-<tab.size>.png`, check it with axe and for sideways scrolling.

    Wagtail fades its messages and slides its menus in: the photograph and axe wait until that is done,
    or axe would read colours half-faded, as nobody reads them. The admin scrolls inside its layout, not
    the document, so the window is made as tall as the content for the photograph. The HTML is kept in
    `tab.documents[name]` and returned; `ignore(violation)` leaves out axe's findings that are not ours.
    """
    folder.mkdir(parents=True, exist_ok=True)
    tab.wait_for_function(_TRANSITIONS_DONE)
    size = tab.viewport_size
    tall = tab.evaluate("Math.max(...[...document.querySelectorAll('body, body *')].map((e) => e.scrollHeight))")
    tab.set_viewport_size({"width": size["width"], "height": max(size["height"], tall)})
    tab.screenshot(path=str(folder / f"{name}-{tab.size}.png"), full_page=True)
    tab.set_viewport_size(size)
    tab.documents[name] = tab.content()
    violations = [violation for violation in run_axe(tab) if not (ignore and ignore(violation))]
    assert violations == [], format_violations(violations, name)
    assert sideways_overflow(tab) == 0, f"{name} scrolls sideways at {tab.size} width"
    return tab.documents[name]


@pytest.fixture(scope="session")
def axe():
    """Run axe-core in a page; skipped when it is not installed from npm."""
    if not checks.AXE_JS.exists():
        pytest.skip("accessibility tests: axe-core is not installed (make test-tools: `npm ci`)")
    return checks.run_axe


@pytest.fixture(scope="session")
def html_checker():
    """Check HTML documents with the Nu HTML Checker; skipped without Java or vnu.jar."""
    if shutil.which("java") is None:
        pytest.skip("HTML validity tests: java is not installed (apt-get install default-jre-headless)")
    if not checks.VNU_JAR.exists():
        pytest.skip("HTML validity tests: vnu-jar is not installed (make test-tools: `npm ci`)")
    return checks.run_vnu
