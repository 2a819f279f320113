"""Where to take the motion: organisers see nations, regions and unions with signers but no motion report."""

import pytest

from statements.models import Union
from tests.html import visible_text
from tests.motion.factories import MotionReportFactory
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def test_places_with_signers_and_no_report_most_signers_first(client, statement_page, organiser, editor):
    unite, gmb = Union.objects.create(name="Unite"), Union.objects.create(name="GMB")
    for _ in range(3):
        SignatureFactory(page=statement_page, region="wales", union=unite)
    SignatureFactory(page=statement_page, region="scotland", union=gmb)
    SignatureFactory(page=statement_page, region="yorkshire", union=gmb)
    SignatureFactory(page=statement_page, region="london", unconfirmed=True)  # not counted: no signer there yet
    MotionReportFactory(region="yorkshire", union=gmb, union_other="")

    client.force_login(organiser)
    # After the constituencies (whose region filter names every region): the nations, regions and unions.
    text = visible_text(client.get("/admin/motion/targets/")).split("Nations and regions", 1)[1]
    assert "Wales 3 0 0 Scotland 1 0 0 Unions" in text
    assert "Unite 3 0 0" in text
    assert "Yorkshire" not in text and "GMB" not in text and "London" not in text

    every = visible_text(client.get("/admin/motion/targets/?all=1"))
    assert "Yorkshire and the Humber 1 1 0" in every and "GMB 2 1 0" in every

    client.force_login(editor)
    assert "Wales" not in visible_text(client.get("/admin/motion/targets/", follow=True))
