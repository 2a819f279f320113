"""Where an event is: its point on the map and its constituency, found from its postcode when it is saved.

An editor may pin an event exactly by typing its latitude and longitude; left empty, they come from the
postcode lookup (core.places), so "events near you" finds it. When the postcode changes and the point
was not changed with it, the point follows the new postcode (the old one would put the event in the
wrong town). The constituency always follows the postcode. A postcode the lookup does not know (yet:
the organiser may load it after the events) leaves them empty; saving the event again fills them.
"""

from decimal import Decimal

from core.places.lookup import find_place
from core.regions import normalise_postcode

# The columns this fills, for a save that names the fields it writes.
FIELDS = ("latitude", "longitude", "constituency")
# What the stored row is compared with, read in the page's save.
STORED = ("postcode", *FIELDS)


def as_decimal(value):
    """A coordinate as the DecimalField stores it (six places), whatever the caller set (float, text, Decimal)."""
    if value is None or value == "":
        return None
    return Decimal(str(value)).quantize(Decimal("0.000001"))


def point_of(event):
    return as_decimal(event.latitude), as_decimal(event.longitude)


def place_from_postcode(event, stored=None):
    """Fill `event`'s latitude, longitude and constituency from its postcode, before it is saved.

    `stored` is its row as saved before ({name: value} of STORED), or None for a new event. Asks the
    lookup only when there is something to fill or the postcode moved, so most saves cost no query.
    """
    postcode = normalise_postcode(event.postcode)
    moved = stored is None or normalise_postcode(stored["postcode"]) != postcode
    point = point_of(event)
    empty = None in point
    kept = stored is not None and point == (as_decimal(stored["latitude"]), as_decimal(stored["longitude"]))
    refill = empty or (moved and kept)
    if not (refill or moved or (postcode and not event.constituency)):
        return
    place = find_place(postcode) if postcode else None
    event.constituency = place.constituency if place else ""
    if refill:
        found = place is not None and place.latitude is not None and place.longitude is not None
        event.latitude = as_decimal(place.latitude) if found else None
        event.longitude = as_decimal(place.longitude) if found else None
