"""The map of nations and regions: a tile map laid out by hand, each tile shaded by signatures per 100,000 people.

A tile map rather than boundaries: every region gets the same room for its name and number, London is
not a speck, and the SVG is a dozen squares the server writes (no tile server, no script). The shades
are five equal steps up to a round number just above the highest rate, so a visitor can read the
legend; a region with no signatures yet has its own pale shade. Every tile prints its number, so the
colour is never the only way to tell regions apart.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext, pgettext_lazy

from core.colours import text_colour_on
from core.regions import UK_REGIONS, Region
from statements.models.movement import REGION_KEY

from .populations import POPULATION, per_100000

STEPS = 5
# Light to dark; text on each is near-black or white, whichever reads at 4.5:1 (core.colours).
PALETTE = ["#fde0dd", "#fa9fb5", "#f768a1", "#c51b8a", "#7a0177"]
NONE_YET = "#f5f1ec"

TILE = 100  # a tile's side, in the SVG's units
GAP = 6
PITCH = TILE + GAP

# Where each tile sits (column, row), roughly as the places lie, and its name: one line of the tile a line.
TILES = {
    Region.SCOTLAND: (1, 0, pgettext_lazy("map tile", "Scotland")),
    Region.NORTHERN_IRELAND: (0, 1, pgettext_lazy("map tile", "Northern\nIreland")),
    Region.NORTH_EAST: (2, 1, pgettext_lazy("map tile", "North\nEast")),
    Region.NORTH_WEST: (1, 2, pgettext_lazy("map tile", "North\nWest")),
    Region.YORKSHIRE: (2, 2, pgettext_lazy("map tile", "Yorkshire\n& Humber")),
    Region.WALES: (0, 3, pgettext_lazy("map tile", "Wales")),
    Region.WEST_MIDLANDS: (1, 3, pgettext_lazy("map tile", "West\nMidlands")),
    Region.EAST_MIDLANDS: (2, 3, pgettext_lazy("map tile", "East\nMidlands")),
    Region.EAST: (3, 3, pgettext_lazy("map tile", "East of\nEngland")),
    Region.SOUTH_WEST: (1, 4, pgettext_lazy("map tile", "South\nWest")),
    Region.SOUTH_EAST: (2, 4, pgettext_lazy("map tile", "South\nEast")),
    Region.LONDON: (3, 4, pgettext_lazy("map tile", "London")),
}
WIDTH = PITCH * (1 + max(column for column, _, _ in TILES.values())) - GAP
HEIGHT = PITCH * (1 + max(row for _, row, _ in TILES.values())) - GAP


@dataclass(frozen=True)
class Shade:
    fill: str
    ink: str
    label: str


@dataclass(frozen=True)
class RegionFigure:
    region: str
    name: str
    count: int
    population: int
    rate: float
    shade: Shade
    x: int
    y: int
    lines: tuple

    @property
    def rate_text(self):
        return format_rate(self.rate)

    @property
    def text_lines(self):
        """[(y, text, is_the_number)]: the name's lines then the rate, centred down the tile."""
        texts = [*self.lines, self.rate_text]
        top = self.y + TILE / 2 - (len(texts) - 1) * 10 + 5
        return [(top + 20 * index, text, index == len(texts) - 1) for index, text in enumerate(texts)]


def nice_ceiling(value):
    """The smallest of 1, 2, 2.5, 5 (times a power of ten) at or above `value`: a legend's round step."""
    base = 10 ** math.floor(math.log10(value))
    return next(round(m * base, 10) for m in (1, 2, 2.5, 5, 10) if value <= m * base * (1 + 1e-9))


def format_number(value):
    """1000 -> "1,000"; 2.5 -> "2.5"; 0.25 -> "0.25"."""
    return f"{value:,.6g}" if value < 1e6 else f"{value:,.0f}"


def format_rate(rate):
    """A rate as the map and table print it: whole numbers from 10, one decimal from 1, two figures below.

    Two significant figures below 1 (0.29, 0.018): a young campaign's rates are small, and two regions
    in different shades must not print the same number.
    """
    if rate == 0:
        return "0"
    if rate >= 9.95:  # would print as "10.0"
        return f"{rate:,.0f}"
    if rate >= 0.995:
        return f"{rate:.1f}"
    if rate >= 0.001:
        return f"{rate:.{1 - math.floor(math.log10(rate))}f}"
    return "<0.001"


def shades(highest_rate):
    """[Shade] for "none yet" then each of the five steps, with the legend's words."""
    step = nice_ceiling(highest_rate / STEPS) if highest_rate > 0 else 1
    bounds = [round(step * number, 10) for number in range(STEPS + 1)]
    found = [Shade(NONE_YET, text_colour_on(NONE_YET), gettext("None yet"))]
    for number, fill in enumerate(PALETTE, start=1):
        low, high = format_number(bounds[number - 1]), format_number(bounds[number])
        if number == 1:
            label = gettext("Up to %(high)s") % {"high": high}
        else:
            label = gettext("%(low)s to %(high)s") % {"low": low, "high": high}
        found.append(Shade(fill, text_colour_on(fill), label))
    return found, step


def step_of(rate, step):
    """0 for none, else 1 to 5: the step whose range holds `rate` (its top bound included)."""
    if rate <= 0:
        return 0
    return min(STEPS, max(1, math.ceil(rate / step - 1e-9)))


def region_figures(totals):
    """The map's and the table's figures from a statement's kept totals ({key: n}).

    {"regions": [RegionFigure] in the order of core.regions, "legend": [Shade], "abroad": n, "total_in_regions": n}
    """
    counts = {region: max(0, totals.get(REGION_KEY + region, 0)) for region, _ in UK_REGIONS}
    rates = {region: per_100000(count, region) for region, count in counts.items()}
    legend, step = shades(max(rates.values(), default=0))
    figures = []
    for region, name in UK_REGIONS:
        column, row, name_lines = TILES[region]
        lines = tuple(str(name_lines).split("\n"))
        figures.append(
            RegionFigure(
                region=region,
                name=name,
                count=counts[region],
                population=POPULATION[region],
                rate=rates[region],
                shade=legend[step_of(rates[region], step)],
                x=column * PITCH,
                y=row * PITCH,
                lines=lines,
            )
        )
    return {
        "regions": figures,
        "legend": legend,
        "abroad": max(0, totals.get(REGION_KEY + Region.ABROAD, 0)),
        "total_in_regions": sum(counts.values()),
        "width": WIDTH,
        "height": HEIGHT,
        "tile": TILE,
    }
