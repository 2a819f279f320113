"""A first visit to the statement is light enough for a phone on poor signal, and asks nothing of anyone else.

DESIGN.md (Scale): HTML, CSS and JavaScript at most 20 KB compressed, and with
the headings' font at most 50 KB uncompressed (pictures such as the logo within
their own 40 KB), no third-party request; an editor's hero image (the home page's) adds
at most 40 KB at 375 px, as a WebP or AVIF rendition sized to the screen. The
demo server sends files uncompressed, so what is counted here is more than
production (WhiteNoise compresses) would send.
"""

import gzip
from urllib.parse import urlsplit

import pytest

from .checks import VIEWPORTS

pytestmark = pytest.mark.browser

BUDGET_BYTES = 50 * 1024
COMPRESSED_BUDGET_BYTES = 20 * 1024  # HTML, CSS and JavaScript, gzipped as WhiteNoise and the page cache send them
IMAGE_BUDGET_BYTES = 40 * 1024  # pictures (the logo, a hero image) come on top, within their own budget
IMAGE_TYPES = (".webp", ".avif", ".png", ".jpg", ".jpeg", ".svg", ".ico")


def first_visit(browser, demo_server, path, bodies=None):
    """{url: Playwright's sizes} of every request a phone with an empty cache makes to show `path`.

    With a dict as `bodies`, each response's body is put in it by URL.
    """
    context = browser.new_context(base_url=demo_server, viewport=VIEWPORTS["phone"])  # empty cache, no cookies
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    try:
        page.goto(path, wait_until="networkidle", timeout=30_000)
        if bodies is not None:
            bodies.update({request.url: request.response().body() for request in finished})
        return {request.url: request.sizes() for request in finished}
    finally:
        context.close()


def weight(sizes, urls):
    """The bytes of these responses' bodies, as the demo server sends them (uncompressed)."""
    return sum(sizes[url]["responseBodySize"] for url in urls)


def is_text(url):
    return urlsplit(url).path.endswith((".css", ".js")) or not urlsplit(url).path.rsplit("/", 1)[-1].count(".")


def pictures(sizes):
    return [url for url in sizes if urlsplit(url).path.lower().endswith(IMAGE_TYPES)]


def listing(sizes):
    return ", ".join(f"{urlsplit(url).path} {size['responseBodySize']:,}" for url, size in sizes.items())


def test_first_visit_to_the_statement_weighs_at_most_50_kb_all_from_this_site(browser, demo_server):
    bodies = {}
    sizes = first_visit(browser, demo_server, "/statement/", bodies)

    images = pictures(sizes)
    transferred = weight(sizes, (url for url in sizes if url not in images))
    assert weight(sizes, images) <= IMAGE_BUDGET_BYTES
    assert any(urlsplit(url).path == "/statement/" for url in sizes)
    assert any(urlsplit(url).path.endswith(".css") for url in sizes), "the stylesheet was not loaded"
    # The headings' typeface counts too: the budget is HTML, CSS, JavaScript and the font together.
    assert any(urlsplit(url).path.endswith(".woff2") for url in sizes), "the headings' font was not loaded"
    assert transferred <= BUDGET_BYTES, f"{transferred:,} bytes: {listing(sizes)}"
    compressed = sum(len(gzip.compress(body)) for url, body in bodies.items() if is_text(url))
    assert compressed <= COMPRESSED_BUDGET_BYTES, f"{compressed:,} bytes of HTML, CSS and JavaScript gzipped"
    site = urlsplit(demo_server).netloc
    assert [url for url in sizes if urlsplit(url).netloc != site] == []


def test_the_home_pages_hero_image_adds_at_most_40_kb_on_a_phone(browser, demo_server):
    sizes = first_visit(browser, demo_server, "/")

    hero = [url for url in pictures(sizes) if "hero" in urlsplit(url).path]
    assert hero, f"the demo's hero image was not loaded: {listing(sizes)}"
    assert all(urlsplit(url).path.endswith((".webp", ".avif")) for url in hero), hero
    assert weight(sizes, pictures(sizes)) <= IMAGE_BUDGET_BYTES, listing(sizes)
    site = urlsplit(demo_server).netloc
    assert [url for url in sizes if urlsplit(url).netloc != site] == []
