"""Full-page screenshots of every page in PAGES_TO_CHECK, at a phone and a laptop width, on every run.

Not a check of pixels: a record for people to look at, under
test-artifacts/screens/<page>-<width>.png, so a change to the look is seen
on every page type before it is merged. The test fails only if a page
cannot be shown.
"""

import pytest

from .conftest import ARTIFACTS
from .pages import PAGES_TO_CHECK

pytestmark = pytest.mark.browser

SCREENS = ARTIFACTS / "screens"


def test_full_page_screenshots_of_every_page_type(page, request):
    width = request.node.callspec.params["page"]
    SCREENS.mkdir(parents=True, exist_ok=True)
    for check in PAGES_TO_CHECK:
        response = page.goto(check.path, wait_until="networkidle")
        assert response.status == check.status, check.path
        path = SCREENS / f"{check.name}-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 0
