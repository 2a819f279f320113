"""The UK's nations and English regions, and finding one from a postcode without asking anyone.

The site calls no postcode service (no third-party requests), so `region_for_postcode` reads a kept table
of postcode areas and, for areas that straddle a border, districts. It goes by area, not street, so a
postcode near a boundary may land in the neighbouring region; the signer can always choose their own.
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    NORTH_EAST = "north-east", _("North East")
    NORTH_WEST = "north-west", _("North West")
    YORKSHIRE = "yorkshire", _("Yorkshire and the Humber")
    EAST_MIDLANDS = "east-midlands", _("East Midlands")
    WEST_MIDLANDS = "west-midlands", _("West Midlands")
    EAST = "east", _("East of England")
    LONDON = "london", _("London")
    SOUTH_EAST = "south-east", _("South East")
    SOUTH_WEST = "south-west", _("South West")
    WALES = "wales", _("Wales")
    SCOTLAND = "scotland", _("Scotland")
    NORTHERN_IRELAND = "northern-ireland", _("Northern Ireland")
    ABROAD = "abroad", _("Outside the UK")


# The twelve UK nations and regions (not "outside the UK"): an event's place, for instance.
UK_REGIONS = [(value, label) for value, label in Region.choices if value != Region.ABROAD]

_AREAS = {
    Region.SCOTLAND: "AB DD DG EH FK G HS IV KA KW KY ML PA PH TD ZE",
    Region.WALES: "CF LD LL NP SA",
    Region.NORTHERN_IRELAND: "BT",
    Region.NORTH_EAST: "NE DH DL SR TS",
    Region.NORTH_WEST: "BB BL CA CH CW FY L LA M OL PR SK WA WN",
    Region.YORKSHIRE: "BD DN HD HG HU HX LS S WF YO",
    Region.EAST_MIDLANDS: "DE LE LN NG NN",
    Region.WEST_MIDLANDS: "B CV DY HR ST SY TF WR WS WV",
    Region.EAST: "AL CB CM CO IP LU NR PE SG SS WD",
    Region.LONDON: "E EC N NW SE SW W WC BR CR EN HA IG RM SM UB",
    Region.SOUTH_EAST: "BN CT DA GU HP KT ME MK OX PO RG RH SL SO TN TW",
    Region.SOUTH_WEST: "BA BH BS DT EX GL PL SN SP TA TQ TR",
}
AREA_REGION = {area: region for region, areas in _AREAS.items() for area in areas.split()}

# Areas split by a border, by district number: {area: [(first, last, region)]}; other districts keep the area's.
DISTRICT_REGION = {
    "CH": [(5, 8, Region.WALES)],  # Flintshire
    "SY": [(15, 25, Region.WALES)],  # Powys, Ceredigion, Gwynedd
    "TD": [(15, 15, Region.NORTH_EAST)],  # Berwick-upon-Tweed
    "TW": [(1, 14, Region.LONDON)],  # Richmond, Hounslow
    "KT": [(1, 9, Region.LONDON)],  # Kingston
    "DA": [(5, 8, Region.LONDON), (14, 18, Region.LONDON)],  # Bexley
}

# An outward code ("LS6", "SW1A", "M1"), optionally with the inward code ("2AB"), spaces anywhere.
POSTCODE = re.compile(r"([A-Z]{1,2})([0-9]{1,2})[A-Z]?(?:[0-9][A-Z]{2})?")


def normalise_postcode(text):
    return "".join((text or "").split()).upper()


def is_postcode(text):
    return bool(POSTCODE.fullmatch(normalise_postcode(text)))


def region_for_postcode(text):
    """The Region of a UK postcode (full, or its first half), or None if it is not one or not in a UK region."""
    match = POSTCODE.fullmatch(normalise_postcode(text))
    if not match:
        return None
    area, district = match[1], int(match[2])
    for first, last, region in DISTRICT_REGION.get(area, ()):
        if first <= district <= last:
            return region
    return AREA_REGION.get(area)
