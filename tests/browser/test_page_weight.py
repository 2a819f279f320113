"""A first visit to the statement is light enough for a phone on poor signal, and asks nothing of anyone else.

DESIGN.md (Scale): at most 50 KB transferred on a first visit, no third-party
request. The demo server sends files uncompressed, so what is counted here
is more than production (WhiteNoise compresses) would send.
"""

from urllib.parse import urlsplit

import pytest

from .checks import VIEWPORTS

pytestmark = pytest.mark.browser

BUDGET_BYTES = 50 * 1024


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

    transferred = sum(size["responseHeadersSize"] + size["responseBodySize"] for size in sizes.values())
    assert any(urlsplit(url).path == "/statement/" for url in sizes)
    assert any(urlsplit(url).path.endswith(".css") for url in sizes), "the stylesheet was not loaded"
    assert transferred <= BUDGET_BYTES, f"{transferred:,} bytes: " + ", ".join(
        f"{urlsplit(url).path} {size['responseBodySize']:,}" for url, size in sizes.items()
    )
    site = urlsplit(demo_server).netloc
    assert [url for url in sizes if urlsplit(url).netloc != site] == []
