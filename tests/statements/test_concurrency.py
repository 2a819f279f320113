"""Surges on PostgreSQL: simultaneous signings and confirmations stay exact.

These use real threads and real transactions, so they need a database that
lets several connections write at once; on SQLite they are skipped.
"""

import pytest
from django.test import Client

from statements import signing
from statements.models import Signature, SignatureCount
from tests.concurrency import needs_postgres, run_together  # noqa: F401 - the fixture is used
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import PERSON

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.postgres,
]


def test_simultaneous_signings_with_one_email_leave_one_signature(statement_page, site_settings):
    statuses = []

    def post(_):
        response = Client().post(f"{statement_page.url}sign/", {**PERSON, "email": "same@example.org"})
        statuses.append(response.status_code)

    run_together(6, post)

    assert statuses == [302] * 6
    assert Signature.objects.filter(email_normalised="same@example.org").count() == 1


def test_simultaneous_confirmations_keep_the_count_exact(statement_page):
    signatures = [SignatureFactory(page=statement_page, unconfirmed=True) for _ in range(24)]
    # Each signature confirmed twice at once (a double click), all at the same moment.
    run_together(48, lambda number: signing.confirm(signatures[number // 2]))

    assert Signature.objects.confirmed().count() == 24
    assert statement_page.counts()["total"] == 24
    assert sum(SignatureCount.objects.values_list("count", flat=True)) == 24


def test_simultaneous_withdrawals_and_confirmations_stay_exact(statement_page):
    confirmed = [SignatureFactory(page=statement_page) for _ in range(10)]
    pending = [SignatureFactory(page=statement_page, unconfirmed=True) for _ in range(10)]

    def work(number):
        if number < 10:
            signing.withdraw(confirmed[number])
        else:
            signing.confirm(pending[number - 10])

    run_together(20, work)

    assert statement_page.counts()["total"] == Signature.objects.confirmed().count() == 10
