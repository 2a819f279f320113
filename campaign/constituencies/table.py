"""The table of constituencies: searched and sorted on the server, so it works without JavaScript.

Counts come from the statement's kept counters ("c:<code>", one query for them all, read with the
map's); names and regions from the constituencies' table (one query). Nothing counts signatures.
A search may be a name or a postcode (the imported lookup finds its constituency).
"""

from dataclasses import dataclass

from django.core.paginator import Paginator

from core.places.lookup import find_place
from core.places.models import Constituency
from core.regions import Region, is_postcode
from statements.models.movement import CONSTITUENCY_KEY

PER_PAGE = 50
MAX_SEARCH_LENGTH = 100

# ?sort= values: (what the column is called in a link, the key that orders the rows).
SORTS = {
    "count": lambda row: (-row.count, row.name),
    "name": lambda row: (row.name.casefold(), row.code),
    "region": lambda row: (row.region_name, row.name),
}
DEFAULT_SORT = "count"


@dataclass(frozen=True)
class Row:
    code: str
    name: str
    region_name: str
    count: int


def clean_query(value):
    return " ".join((value or "").split())[:MAX_SEARCH_LENGTH]


def clean_sort(value):
    return value if value in SORTS else DEFAULT_SORT


def matching(query):
    """The constituencies a search names: by part of the name, or the one a postcode is in."""
    constituencies = Constituency.objects.all()
    if not query:
        return constituencies
    if is_postcode(query):
        place = find_place(query)
        if place is not None and place.constituency:
            return constituencies.filter(code=place.constituency)
    return constituencies.filter(name__icontains=query)


def constituency_rows(totals, query="", sort=DEFAULT_SORT):
    """[Row] of the constituencies matching `query`, in the order `sort` names, counts from `totals`."""
    regions = dict(Region.choices)
    rows = [
        Row(code, name, regions.get(region, ""), max(0, totals.get(CONSTITUENCY_KEY + code, 0)))
        for code, name, region in matching(query).values_list("code", "name", "region")
    ]
    rows.sort(key=SORTS[clean_sort(sort)])
    return rows


def table_page(rows, number):
    """One page of the rows (PER_PAGE), a page number that is not one giving the nearest page."""
    return Paginator(rows, PER_PAGE).get_page(number)
