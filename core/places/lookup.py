"""Finding a place from what a visitor typed: a full postcode, or only its first half."""

from dataclasses import dataclass

from django.db.models import Avg

from core.regions import POSTCODE, normalise_postcode

from .models import Constituency, Postcode


@dataclass(frozen=True)
class Place:
    constituency: str  # its ONS code, or "" when only the first half was given (a district may straddle two)
    latitude: float | None
    longitude: float | None


def find_place(text):
    """The Place of a UK postcode in the imported lookup, or None when it is not there (or not a postcode).

    A full postcode gives its constituency and point; a first half (LS6) gives the middle of its
    postcodes and no constituency.
    """
    postcode = normalise_postcode(text)
    if not POSTCODE.fullmatch(postcode):
        return None
    if len(postcode) >= 5 and postcode[-3].isdigit():
        row = Postcode.objects.filter(postcode=postcode).values("constituency", "latitude", "longitude").first()
        return Place(**row) if row else None
    middle = Postcode.objects.filter(outward=postcode, latitude__isnull=False).aggregate(
        latitude=Avg("latitude"), longitude=Avg("longitude")
    )
    if middle["latitude"] is None:
        return None
    return Place(constituency="", **middle)


def constituency_names(codes):
    """{code: name} for the constituencies with these codes, in one query."""
    return dict(Constituency.objects.filter(code__in=set(codes)).values_list("code", "name"))
