"""The map of nations and regions: signatures per 100,000 people, five shades, a legend, the same figures in a table."""

import re

import pytest

from campaign.constituencies import tile_map
from campaign.constituencies.populations import POPULATION, SOURCE
from core.colours import contrast_ratio
from core.regions import UK_REGIONS
from tests.html import visible_text
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def region_row(html, name):
    """The region table's cells for one nation or region: [signed, people, per 100,000]."""
    table = re.search(r'<table class="region-table">.*?</table>', html, re.S).group(0)
    row = re.search(rf"<tr><th scope=\"row\">{re.escape(name)}</th>(.*?)</tr>", table, re.S).group(1)
    return [visible_text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]


def tile(html, name_line):
    """(fill, [texts]) of the map's tile whose first line of text is `name_line`."""
    for group in re.findall(r'<g class="tile">(.*?)</g>', html, re.S):
        texts = re.findall(r"<text[^>]*>(.*?)</text>", group)
        if texts[0] == name_line:
            return re.search(r'fill="(#[0-9a-f]{6})"', group).group(1), texts
    raise AssertionError(f"no tile {name_line}")


def test_twelve_tiles_one_per_nation_and_region_none_overlapping():
    places = {(column, row) for column, row, _ in tile_map.TILES.values()}
    assert set(tile_map.TILES) == {region for region, _ in UK_REGIONS}
    assert len(places) == 12
    assert set(POPULATION) == set(tile_map.TILES)


@pytest.mark.parametrize(
    ("value", "step"), [(0.04, 0.05), (0.3, 0.5), (1, 1), (1.2, 2), (2.1, 2.5), (3, 5), (7, 10), (180, 200)]
)
def test_the_legend_steps_are_round_numbers(value, step):
    assert tile_map.nice_ceiling(value) == step


def test_five_steps_up_to_the_highest_rate_and_a_shade_for_none():
    legend, step = tile_map.shades(9.3)  # 9.3 / 5 = 1.86: steps of 2, up to 10
    assert step == 2
    assert [shade.label for shade in legend] == ["None yet", "Up to 2", "2 to 4", "4 to 6", "6 to 8", "8 to 10"]
    assert [tile_map.step_of(rate, step) for rate in (0, 0.01, 2, 2.01, 5, 9.3)] == [0, 1, 1, 2, 3, 5]


def test_every_shade_keeps_its_text_readable():
    legend, _ = tile_map.shades(10)
    for shade in legend:
        assert contrast_ratio(shade.fill, shade.ink) >= 4.5, shade


@pytest.mark.parametrize(
    ("rate", "text"),
    [
        (0, "0"),
        (0.0004, "<0.001"),
        (0.0113, "0.011"),
        (0.289, "0.29"),
        (0.1047, "0.10"),
        (0.996, "1.0"),
        (9.94, "9.9"),
        (9.96, "10"),
        (12.4, "12"),
        (1234.5, "1,234"),
    ],
)
def test_rates_are_printed_to_a_sensible_precision(rate, text):
    assert tile_map.format_rate(rate) == text


def test_figures_come_from_the_kept_region_counters():
    figures = tile_map.region_figures({"r:wales": 314, "r:london": 10, "r:abroad": 4, "person": 328})
    by_region = {figure.region: figure for figure in figures["regions"]}
    assert by_region["wales"].count == 314
    assert by_region["wales"].rate_text == "10"  # 314 of 3,131,640 people
    assert by_region["wales"].shade == figures["legend"][5]  # the highest rate: the darkest step
    assert by_region["london"].shade == figures["legend"][1]  # 0.11 per 100,000: the first step
    assert by_region["scotland"].shade == figures["legend"][0]
    assert figures["abroad"] == 4 and figures["total_in_regions"] == 324


def test_the_page_shades_regions_and_gives_the_same_figures_in_a_table(client, where_page, statement_page):
    for _ in range(3):
        SignatureFactory(page=statement_page, region="wales")
    SignatureFactory(page=statement_page, region="london")
    SignatureFactory(page=statement_page, region="scotland", unconfirmed=True)  # not counted yet

    response = client.get("/where-people-signed/")
    html = response.content.decode()

    assert response.status_code == 200
    assert region_row(html, "Wales") == ["3", "3,131,640", "0.096"]
    assert region_row(html, "London") == ["1", "8,866,180", "0.011"]
    assert region_row(html, "Scotland") == ["0", "5,447,700", "0"]
    wales_fill, wales_texts = tile(html, "Wales")
    london_fill, _ = tile(html, "London")
    scotland_fill, _ = tile(html, "Scotland")
    assert wales_texts == ["Wales", "0.096"]
    assert wales_fill == tile_map.PALETTE[-1]
    assert london_fill == tile_map.PALETTE[0]
    assert scotland_fill == tile_map.NONE_YET
    text = visible_text(response)
    assert "Signatures per 100,000 people None yet Up to 0.02" in text  # the legend
    assert SOURCE in html.replace("&#x27;", "'")
    assert 'role="img" aria-labelledby="map-title map-desc"' in html


def test_without_a_statement_the_map_shows_none_yet(client, home_page, site_settings):
    from tests.constituencies.factories import WhereSignedPageFactory

    WhereSignedPageFactory(parent=home_page)
    html = client.get("/where-people-signed/").content.decode()
    assert region_row(html, "Wales") == ["0", "3,131,640", "0"]
    assert "Add your name" not in html
