"""Counts by union and region stay exact when many confirm at once (PostgreSQL, real threads), and after a recount."""

import pytest
from django.core.management import call_command

from statements import signing
from statements.models import Signature, Union
from tests.concurrency import needs_postgres, run_together  # noqa: F401 - the fixture is used
from tests.statements.factories import SignatureFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.postgres,
]


def test_simultaneous_confirmations_keep_union_and_region_counts_exact(statement_page):
    unite, unison = Union.objects.create(name="Unite"), Union.objects.create(name="UNISON")
    regions = ["london", "wales", "scotland"]
    signatures = [
        SignatureFactory(
            page=statement_page,
            unconfirmed=True,
            organisation_kind=True,
            union=(unite, unison, None)[number % 3],
            union_other="Musicians’ Union" if number % 3 == 2 else "",
            region=regions[number % 3],
        )
        for number in range(30)
    ]
    # Each confirmed twice at once (a double click), with withdrawals of confirmed ones alongside.
    confirmed = [SignatureFactory(page=statement_page, organisation_kind=True, union=unite, region="london")]
    confirmed += [SignatureFactory(page=statement_page, region="wales") for _ in range(5)]

    def work(number):
        if number < 60:
            signing.confirm(signatures[number // 2])
        else:
            signing.withdraw(confirmed[number - 60])

    run_together(60 + len(confirmed), work)

    expected = {"unions": [("Other unions", 10), ("UNISON", 10), ("Unite", 10)]}
    expected["regions"] = [("London", 10), ("Scotland", 10), ("Wales", 10)]
    expected["largest"] = 10
    assert statement_page.spread() == expected
    assert statement_page.counts()["total"] == Signature.objects.confirmed().count() == 30
    call_command("recount_signatures", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert statement_page.spread() == expected
