"""The bench's loader (bench.signature_rows) inserts signatures in one SQL statement, naming each column.

Two sessions in a row, a new NOT NULL column on the signature (the constituency, then the language) broke
`make bench` and `bench.focus` at their first insert, long after the suite had passed: this finds it first.
"""

import pytest
from django.db import connection, models

from bench.signature_rows import COLUMNS, insert_signatures
from statements.models import Signature
from tests.statements.factories import StatementPageFactory

pytestmark = pytest.mark.django_db


def required_columns():
    """The signature's fields an INSERT must name: stored, not null, without a default the database applies."""
    return {
        field.name
        for field in Signature._meta.concrete_fields
        if not field.null
        and not field.primary_key
        and getattr(field, "db_default", models.NOT_PROVIDED) is models.NOT_PROVIDED
    }


def test_the_loader_names_every_column_a_signature_requires():
    assert required_columns() - set(COLUMNS) == set()


def test_on_postgresql_the_loader_inserts_signatures_the_site_reads(home_page):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): the loader uses generate_series")
    page = StatementPageFactory(parent=home_page)

    insert_signatures(page, 1, 20, "loaded", Signature.Source.IMPORT, confirmed=True)
    insert_signatures(page, 1, 3, "pending", Signature.Source.WEB, confirmed=False)

    loaded = Signature.objects.filter(page=page)
    assert loaded.count() == 23
    assert loaded.filter(confirmed_at__isnull=False).count() == 20
    assert set(loaded.values_list("language", flat=True)) == {"en-gb", "cy"}
