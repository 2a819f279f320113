"""The public report form asks an optional postcode where the body meets, to find its constituency (for the
organisers' list of where to take the motion); the postcode is not kept, and a bad one is said to be bad."""

import pytest

from campaign.motion.models import MotionReport
from core.places.models import Postcode
from tests.html import visible_text
from tests.introductions.factories import PlaceFactory
from tests.motion.test_tracker import report_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def lookup(db):
    PlaceFactory(code="E14001234", name="Leeds Central and Headingley")
    Postcode.objects.create(postcode="LS61AA", outward="LS6", constituency="E14001234")


def test_a_postcode_finds_the_constituency_and_is_not_kept(client, motion_page, lookup):
    response = client.post("/motion/report/", report_data(postcode="ls6 1aa"))
    assert response.status_code == 302
    report = MotionReport.objects.get()
    assert report.constituency == "E14001234"
    assert "LS6" not in str([getattr(report, field.attname) for field in MotionReport._meta.fields])


@pytest.mark.parametrize(("postcode", "constituency"), [("", ""), ("LS6", ""), ("ZZ9 9ZZ", "")])
def test_without_a_full_known_postcode_there_is_no_constituency(client, motion_page, lookup, postcode, constituency):
    assert client.post("/motion/report/", report_data(postcode=postcode)).status_code == 302
    assert MotionReport.objects.get().constituency == constituency


def test_a_postcode_that_is_not_one_is_refused(client, motion_page, lookup):
    response = client.post("/motion/report/", report_data(postcode="12345"))
    assert response.status_code == 200
    assert "Please check the postcode (for example LS6 2AB), or leave it empty." in visible_text(response)
    assert not MotionReport.objects.exists()
