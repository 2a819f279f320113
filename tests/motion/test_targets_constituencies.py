"""Where to take the motion, by constituency: those with confirmed signers and no motion report, with how many
signers there asked to be introduced, filtered by nation or region, in the same few queries however many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaign.motion import targets
from tests.html import visible_text
from tests.introductions.factories import AskingFactory, PlaceFactory
from tests.motion.factories import MotionReportFactory
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(db):
    return {
        "leeds": PlaceFactory(code="E14000001", name="Leeds Central and Headingley", region="yorkshire"),
        "hull": PlaceFactory(code="E14000002", name="Hull West and Haltemprice", region="yorkshire"),
        "cardiff": PlaceFactory(code="W07000003", name="Cardiff East", region="wales"),
    }


def test_constituencies_with_signers_and_no_report(client, statement_page, places, organiser):
    for _ in range(3):
        SignatureFactory(page=statement_page, constituency="E14000001")
    AskingFactory(page=statement_page, constituency="E14000001")
    AskingFactory(page=statement_page, constituency="W07000003")
    SignatureFactory(page=statement_page, constituency="E14000002")
    SignatureFactory(page=statement_page, constituency="W07000003", unconfirmed=True, introduce_me=True)
    MotionReportFactory(constituency="E14000002")

    client.force_login(organiser)
    text = visible_text(client.get("/admin/motion/targets/"))
    assert "Leeds Central and Headingley Yorkshire and the Humber 4 1 0 0" in text
    assert "Cardiff East Wales 1 1 0 0" in text
    assert "Hull West" not in text  # it has a report

    every = visible_text(client.get("/admin/motion/targets/?all=1"))
    assert "Hull West and Haltemprice Yorkshire and the Humber 1 0 1 0" in every

    wales = visible_text(client.get("/admin/motion/targets/?region=wales")).split("Nations and regions")[0]
    assert "Cardiff East" in wales and "Leeds Central" not in wales
    nonsense = visible_text(client.get("/admin/motion/targets/?region=<b>")).split("Nations and regions")[0]
    assert "Cardiff East" in nonsense and "Leeds Central" in nonsense  # an unknown region: all of the UK


def test_the_dashboard_links_the_list(client, organiser, home_page):
    client.force_login(organiser)
    assert 'href="/admin/motion/targets/"' in client.get("/admin/").content.decode()


def test_an_editor_may_not_see_it(client, editor):
    client.force_login(editor)
    assert client.get("/admin/motion/targets/").status_code in (302, 403)


def test_the_same_queries_for_one_or_many_constituencies(statement_page, places):
    SignatureFactory(page=statement_page, constituency="E14000001")
    with CaptureQueriesContext(connection) as few:
        targets.constituencies()
    for number in range(40):
        code = f"E1409{number:04d}"
        PlaceFactory(code=code)
        AskingFactory(page=statement_page, constituency=code)
        MotionReportFactory(constituency=code if number % 2 else "")
    with CaptureQueriesContext(connection) as many:
        found = targets.constituencies()
    assert len(many) == len(few) == 4
    assert len(found) == 21  # 20 without a report, and Leeds
