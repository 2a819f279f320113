"""A first visit on a slow phone: Chromium with Lighthouse's mobile profile, against the bench's own gunicorn.

Each visit is a new browser context (an empty cache, no cookies) whose page
is throttled through the Chrome DevTools Protocol as Lighthouse's mobile
profile is: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, the CPU 4×
slower, on a 412 × 823 phone screen. It reads, from navigation start, the
Largest Contentful Paint and when one element (the home page's sign button)
is first painted, and whether that is inside the first screen. Beside them
it works out the floor for the same bytes on that link: the round trips of
the longest chain of requests (the page, then its stylesheet, then the font
the stylesheet names...) plus every byte the page fetched ÷ the bandwidth.

Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) driven by Playwright, as
tests/browser does; `phone_problem()` says why the rows are skipped when
either is missing. Only ever aimed at 127.0.0.1.
"""

import json
import os
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # the rows are skipped: phone_problem() says so
    sync_playwright = None

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Headless and quiet: nothing in the browser may call out of this machine.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VISITS = int(os.environ.get("BENCH_PHONE_VISITS", "3"))

# Lighthouse's mobile profile.
ROUND_TRIP_MS = 150
DOWN_BITS = 1_600_000
UP_BITS = 750_000
CPU_SLOWDOWN = 4
SCREEN = {"width": 412, "height": 823}
SCALE = 1.75

# Set before the page's own scripts run: the element to time gets an `elementtiming`
# name as the parser adds it (before its first paint), and a frame-by-frame poll
# notes the first frame in which it is inside the first screen, as a fallback.
WATCH = """
(selector) => {
  window.__bench = {lcp: [], element: null, frame: null};
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.lcp.push(entry.startTime);
  }).observe({type: "largest-contentful-paint", buffered: true});
  if (!selector) return;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const area = entry.intersectionRect.width * entry.intersectionRect.height;
      if (entry.identifier === "bench" && area > 0 && window.__bench.element === null) {
        window.__bench.element = entry.renderTime || entry.loadTime;
      }
    }
  }).observe({type: "element", buffered: true});
  new MutationObserver((records, observer) => {
    const element = document.querySelector(selector);
    if (element) { element.setAttribute("elementtiming", "bench"); observer.disconnect(); }
  }).observe(document, {childList: true, subtree: true});
  const poll = () => {
    const element = document.querySelector(selector);
    if (element) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && box.top < innerHeight && box.bottom > 0
          && getComputedStyle(element).visibility !== "hidden") {
        window.__bench.frame = performance.now();
        return;
      }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}
"""

READ = """
(selector) => {
  const element = selector && document.querySelector(selector);
  const box = element && element.getBoundingClientRect();
  return {
    lcp: window.__bench.lcp.length ? window.__bench.lcp[window.__bench.lcp.length - 1] : null,
    element: window.__bench.element,
    frame: window.__bench.frame,
    found: Boolean(element),
    firstScreen: Boolean(box && box.height > 0 && box.top < innerHeight && box.bottom > 0),
  };
}
"""


def phone_problem():
    """Why the slow-phone rows cannot be measured (a sentence), or None."""
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if sync_playwright is None:
        return "Playwright is not installed (make install-dev)"
    return None


def chain_depth(requests):
    """Round trips in the longest chain of `requests`, each (id, url, initiator url or None); the first is the page.

    A request waits for the response that named it (its initiator): the page's
    stylesheet waits for the page, the stylesheet's font for the stylesheet.
    """
    depth_of_url = {}
    deepest = 0
    for number, (_, url, initiator) in enumerate(requests):
        depth = 1 if number == 0 else depth_of_url.get(initiator, 1) + 1
        depth_of_url.setdefault(url, depth)
        deepest = max(deepest, depth)
    return deepest


def floor_ms(round_trips, transferred_bytes):
    """The least a visit can take on the link: its round trips, plus its bytes at the link's bandwidth."""
    return round_trips * ROUND_TRIP_MS + transferred_bytes * 8 / DOWN_BITS * 1000


@dataclass
class Visit:
    """One first visit to one page, times in ms from navigation start."""

    lcp_ms: float | None = None
    element_ms: float | None = None  # Element Timing's render time, else the first frame it was in view
    element_timed_by: str = ""
    element_found: bool = False
    in_first_screen: bool = False
    requests: int = 0
    transferred: int = 0
    round_trips: int = 0
    statuses: set = field(default_factory=set)
    not_ok: list = field(default_factory=list)  # (status, path) of each answer that was not a 200

    @property
    def floor_ms(self):
        return floor_ms(self.round_trips, self.transferred)


def initiator_url(initiator):
    """The address whose response named a request (a page or stylesheet, or the script that asked), or None."""
    if initiator.get("url"):
        return initiator["url"]
    frames = initiator.get("stack", {}).get("callFrames", [])
    return frames[0]["url"] if frames else None


def settle(page, pending, quiet_ms=500, limit_ms=20_000):
    """Wait until the page has had no request of its own pending for `quiet_ms` (the favicon is the browser's)."""
    quiet = waited = 0
    while quiet < quiet_ms and waited < limit_ms:
        page.wait_for_timeout(100)  # Playwright delivers the DevTools events meanwhile
        waited += 100
        quiet = 0 if pending() else quiet + 100


def visit(browser, url, selector=None):
    """One throttled first visit in a new context; the page's own requests are counted, the browser's are not."""
    if urlsplit(url).hostname != "127.0.0.1":
        raise ValueError(f"the bench only ever visits 127.0.0.1, not {url}")
    context = browser.new_context(viewport=SCREEN, device_scale_factor=SCALE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        sent, finished, statuses = [], {}, {}

        def on_request(event):
            initiator = event.get("initiator", {})
            # The favicon and the like are the browser's own ("other"), not the page's.
            if not sent or initiator.get("type") != "other":
                sent.append((event["requestId"], event["request"]["url"], initiator_url(initiator)))

        failed = set()
        cdp.on("Network.requestWillBeSent", on_request)
        cdp.on("Network.loadingFailed", lambda event: failed.add(event["requestId"]))
        cdp.on(
            "Network.responseReceived", lambda event: statuses.update({event["requestId"]: event["response"]["status"]})
        )
        cdp.on(
            "Network.loadingFinished", lambda event: finished.update({event["requestId"]: event["encodedDataLength"]})
        )
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": ROUND_TRIP_MS,
                "downloadThroughput": DOWN_BITS / 8,
                "uploadThroughput": UP_BITS / 8,
            },
        )
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.add_init_script(script=f"({WATCH})({json.dumps(selector)})")
        page.goto(url, wait_until="load", timeout=60_000)
        settle(page, lambda: {request_id for request_id, _, _ in sent} - finished.keys() - failed)
        seen = page.evaluate(READ, selector)
    finally:
        context.close()
    page_requests = [request for request in sent if request[0] in finished]
    result = Visit(
        lcp_ms=seen["lcp"],
        element_found=seen["found"],
        in_first_screen=seen["firstScreen"],
        requests=len(page_requests),
        transferred=sum(finished[request_id] for request_id, _, _ in page_requests),
        round_trips=chain_depth(page_requests),
        statuses={statuses.get(request_id) for request_id, _, _ in page_requests},
        not_ok=[
            (statuses.get(request_id), urlsplit(address).path)
            for request_id, address, _ in page_requests
            if statuses.get(request_id) != 200
        ],
    )
    if seen["element"] is not None:
        result.element_ms, result.element_timed_by = seen["element"], "element timing"
    elif seen["frame"] is not None:
        result.element_ms, result.element_timed_by = seen["frame"], "first frame in view"
    return result


def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


@dataclass
class Visits:
    """Several first visits to one page: the figures of each, and their medians."""

    page: str
    visits: list

    @property
    def lcp_ms(self):
        return median(visit.lcp_ms for visit in self.visits)

    @property
    def element_ms(self):
        if not all(visit.in_first_screen and visit.element_ms is not None for visit in self.visits):
            return None
        return median(visit.element_ms for visit in self.visits)

    @property
    def floor_ms(self):
        return median(visit.floor_ms for visit in self.visits)

    @property
    def ok(self):
        return all(visit.statuses == {200} for visit in self.visits)


def measure(base_url, statement_path, home_path, button_selector, visits=VISITS):
    """`visits` first visits to the statement (its LCP) and to home (its sign button), each page warmed first."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            for path in (statement_path, home_path):  # warm: the page cache filled, every asset served once
                warm = browser.new_context()
                warm.new_page().goto(f"{base_url}{path}", wait_until="load")
                warm.close()
            statement = [visit(browser, f"{base_url}{statement_path}") for _ in range(visits)]
            home = [visit(browser, f"{base_url}{home_path}", button_selector) for _ in range(visits)]
        finally:
            browser.close()
    return {"statement": Visits(statement_path, statement), "home": Visits(home_path, home)}
