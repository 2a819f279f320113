"""How many people live in each UK nation and region: the denominators of "signatures per 100,000 people".

Kept here, not fetched: the site calls no statistics service. The figures are the mid-2022
population estimates, the first year all four nations published on the same census-based footing.
Update all twelve together (and SOURCE with them) when a newer year is wanted.
"""

from core.regions import Region

SOURCE = (
    "Office for National Statistics, population estimates for the UK, England, Wales, Scotland and "
    "Northern Ireland: mid-2022 (Scotland's from National Records of Scotland, Northern Ireland's from "
    "NISRA), Open Government Licence v3.0"
)
SOURCE_URL = (
    "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/"
    "bulletins/annualmidyearpopulationestimates/mid2022"
)

POPULATION = {
    Region.NORTH_EAST: 2_683_040,
    Region.NORTH_WEST: 7_516_113,
    Region.YORKSHIRE: 5_541_262,
    Region.EAST_MIDLANDS: 4_934_939,
    Region.WEST_MIDLANDS: 6_021_653,
    Region.EAST: 6_398_497,
    Region.LONDON: 8_866_180,
    Region.SOUTH_EAST: 9_379_833,
    Region.SOUTH_WEST: 5_764_881,
    Region.WALES: 3_131_640,
    Region.SCOTLAND: 5_447_700,
    Region.NORTHERN_IRELAND: 1_910_543,
}


def per_100000(count, region):
    """Signatures per 100,000 people living in `region`."""
    return count * 100_000 / POPULATION[region]
