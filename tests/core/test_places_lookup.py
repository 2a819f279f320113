"""Finding a place from what a visitor typed (core.places.lookup), and the demo's sample of the lookup."""

import pytest

from campaign.events.demo import EVENTS
from core.places import demo as places_demo
from core.places.lookup import Place, constituency_names, find_place
from core.places.models import Constituency, Postcode
from statements.demo import POSTCODES as SIGNERS_POSTCODES

pytestmark = pytest.mark.django_db


@pytest.fixture
def leeds(db):
    Constituency.objects.create(code="E14001319", name="Leeds Central and Headingley", region="yorkshire")
    Constituency.objects.create(code="E14001320", name="Leeds East", region="yorkshire")
    Postcode.objects.create(postcode="LS27HY", outward="LS2", constituency="E14001319", latitude=53.8, longitude=-1.54)
    Postcode.objects.create(postcode="LS29JT", outward="LS2", constituency="E14001319", latitude=53.6, longitude=-1.56)
    Postcode.objects.create(postcode="LS98AB", outward="LS9", constituency="E14001320", latitude=None, longitude=None)


@pytest.mark.parametrize("typed", ["LS2 7HY", "ls27hy", " ls2  7hy "])
def test_a_full_postcode_however_typed_gives_its_constituency_and_point(leeds, typed):
    assert find_place(typed) == Place(constituency="E14001319", latitude=53.8, longitude=-1.54)


def test_a_first_half_gives_the_middle_of_its_postcodes_and_no_constituency(leeds):
    """A district may straddle two constituencies, so only a full postcode names one."""
    place = find_place("ls2")
    assert place.constituency == ""
    assert (place.latitude, place.longitude) == (pytest.approx(53.7), pytest.approx(-1.55))


@pytest.mark.parametrize("typed", ["LS1 1AA", "LS9", "not a postcode", "", None, "LS2 7HY; DROP TABLE"])
def test_what_the_lookup_does_not_hold_finds_nothing(leeds, typed):
    """An unknown postcode, a district with no points, or no postcode at all: no place, never an error."""
    assert find_place(typed) is None


def test_a_postcode_without_a_point_still_gives_its_constituency(leeds):
    assert find_place("LS9 8AB") == Place(constituency="E14001320", latitude=None, longitude=None)


def test_names_of_many_constituencies_come_in_one_query(leeds, django_assert_num_queries):
    with django_assert_num_queries(1):
        names = constituency_names(["E14001319", "E14001320", "E14009999", "E14001319"])
    assert names == {"E14001319": "Leeds Central and Headingley", "E14001320": "Leeds East"}


def test_the_demo_sample_places_the_demos_events_and_signers_and_loads_twice_to_the_same_rows():
    places_demo.build()
    rows = set(Postcode.objects.values_list("postcode", "constituency", "latitude", "longitude"))
    places_demo.build()
    assert set(Postcode.objects.values_list("postcode", "constituency", "latitude", "longitude")) == rows

    postcodes = [row[9] for row in EVENTS if row[9]] + ["LS1 6HD", "BS1 3QY", *SIGNERS_POSTCODES.values()]
    for postcode in postcodes:
        place = find_place(postcode)
        assert place is not None and place.constituency and place.latitude, postcode
    assert find_place("LS2 7HY").constituency == find_place("LS6 1AN").constituency == "E14001319"
    assert constituency_names(["E14001319"]) == {"E14001319": "Leeds Central and Headingley"}
    assert Constituency.objects.get(code="W07000089").region == "wales"
    assert not Constituency.objects.filter(name__regex=r"^[A-Z][0-9]{8}$").exists()  # every one named
