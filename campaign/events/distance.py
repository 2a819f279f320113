"""How far apart two points on the map are, in miles, and the box of a radius for the database to narrow by.

Great-circle distance (haversine) on a round Earth: within a few yards in ten miles, which is all a
visitor asking "how far is it?" needs. The box lets SQL keep only the events that could be within
the radius (an index-friendly range on latitude and longitude), so Python measures a handful.
"""

from decimal import Decimal
from math import asin, cos, radians, sin, sqrt

from django.utils.translation import gettext

EARTH_RADIUS_MILES = 3958.8
MILES_PER_DEGREE = EARTH_RADIUS_MILES * radians(1)  # along a meridian: about 69.1


def miles_between(latitude, longitude, other_latitude, other_longitude):
    """The great-circle distance between two points given in degrees, in miles."""
    lat1, lon1, lat2, lon2 = map(radians, map(float, (latitude, longitude, other_latitude, other_longitude)))
    a = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * asin(min(1.0, sqrt(a)))


def box_around(latitude, longitude, miles):
    """Lookups for a queryset of points within a square that holds the circle of `miles` around the point.

    A little larger than the circle (1%), so rounding never leaves out a point on its edge; near a pole,
    where a degree of longitude shrinks to nothing, it spans every longitude.
    """
    latitude, longitude = float(latitude), float(longitude)
    reach = miles * 1.01 / MILES_PER_DEGREE
    lookups = {"latitude__gte": degrees(latitude - reach), "latitude__lte": degrees(latitude + reach)}
    across = cos(radians(latitude))
    if across > 0.01 and reach / across < 180:
        wide = reach / across
        lookups.update(longitude__gte=degrees(longitude - wide), longitude__lte=degrees(longitude + wide))
    return lookups


def degrees(value):
    """A bound as the coordinate columns hold it (six decimal places), so every database compares alike."""
    return Decimal(f"{value:.6f}")


def in_words(miles):
    """A distance as a visitor reads it: "about 2.1 miles" (one decimal), "under 0.1 miles" next door."""
    if miles < 0.05:
        return gettext("under 0.1 miles")
    return gettext("about %(miles)s miles") % {"miles": f"{miles:.1f}"}
