"""The materials page shows each poster once, with its sizes and formats to choose from (issue 32)."""

import pytest

from .test_screenshots import SCREENS, SLOW_MS

pytestmark = pytest.mark.browser


def test_each_poster_appears_once_with_a_choice_of_files(page):
    page.goto("/materials/", timeout=SLOW_MS)  # a first visit may draw the previews
    cards = page.locator(".card.material")
    titles = cards.locator("h3").all_inner_texts()
    page.screenshot(path=str(SCREENS / f"materials-posters-{page.viewport_size['width']}.png"), full_page=True)

    assert titles and len(titles) == len(set(titles)), titles
    assert not any("(image for social media)" in title for title in titles)  # a file, not a second poster
    first = cards.first
    assert first.locator("img").count() == 1
    choices = first.get_by_role("list", name=titles[0]).get_by_role("link")
    names = choices.all_inner_texts()
    assert any(name.startswith("Download PDF") for name in names)
    assert any(name.startswith("Download PNG") for name in names)
    assert any("Square image for social media" in name for name in names)
    for link in choices.all():
        assert link.get_attribute("download") is not None
        assert link.bounding_box()["height"] >= 24  # WCAG 2.5.8, in a row at least 44px tall
