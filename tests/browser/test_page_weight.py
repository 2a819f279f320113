"""A first visit to the statement is light enough for a phone on poor signal, and asks nothing of anyone else.

DESIGN.md (Scale): at most 50 KB transferred on a first visit (HTML, CSS,
JavaScript and the headings' font; pictures such as the logo within their own
40 KB), no third-party request. The demo server sends files uncompressed, so
what is counted here is more than production (WhiteNoise compresses) would send.
"""

from urllib.parse import urlsplit

import pytest

from .checks import VIEWPORTS

pytestmark = pytest.mark.browser

BUDGET_BYTES = 50 * 1024
IMAGE_BUDGET_BYTES = 40 * 1024  # pictures (the logo) come on top, within their own budget
IMAGE_TYPES = (".webp", ".avif", ".png", ".jpg", ".jpeg", ".svg", ".ico")


def test_first_visit_to_the_statement_weighs_at_most_50_kb_all_from_this_site(browser, demo_server):
    context = browser.new_context(base_url=demo_server, viewport=VIEWPORTS["phone"])  # empty cache, no cookies
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    try:
        page.goto("/statement/", wait_until="networkidle")
        sizes = {request.url: request.sizes() for request in finished}
    finally:
        context.close()

    def weight(urls):
        return sum(sizes[url]["responseHeadersSize"] + sizes[url]["responseBodySize"] for url in urls)

    images = [url for url in sizes if urlsplit(url).path.lower().endswith(IMAGE_TYPES)]
    transferred = weight(url for url in sizes if url not in images)
    assert weight(images) <= IMAGE_BUDGET_BYTES
    assert any(urlsplit(url).path == "/statement/" for url in sizes)
    assert any(urlsplit(url).path.endswith(".css") for url in sizes), "the stylesheet was not loaded"
    # The headings' typeface counts too: the budget is HTML, CSS, JavaScript and the font together.
    assert any(urlsplit(url).path.endswith(".woff2") for url in sizes), "the headings' font was not loaded"
    assert transferred <= BUDGET_BYTES, f"{transferred:,} bytes: " + ", ".join(
        f"{urlsplit(url).path} {size['responseBodySize']:,}" for url, size in sizes.items()
    )
    site = urlsplit(demo_server).netloc
    assert [url for url in sizes if urlsplit(url).netloc != site] == []
