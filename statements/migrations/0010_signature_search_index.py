"""Trigram indexes for the admin's signature search, on PostgreSQL only (elsewhere nothing happens).

The admin searches with `icontains`, which PostgreSQL runs as `UPPER(field::text) LIKE UPPER('%term%')`:
a substring match no B-tree serves, so each search read every signature. A GIN index of the trigrams
of exactly that expression serves it, for each field the search ORs together (a field left out would
bring the full scan back). Built CONCURRENTLY, so signing goes on while a large table is indexed.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

TABLE = "statements_signature"
SEARCHED_FIELDS = ("name", "organisation", "email", "town")


def index_name(field):
    return f"statements_signature_{field}_trgm"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in SEARCHED_FIELDS:
        schema_editor.execute(
            f'CREATE INDEX CONCURRENTLY IF NOT EXISTS "{index_name(field)}" '
            f'ON "{TABLE}" USING gin ((UPPER("{field}"::text)) gin_trgm_ops)'
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in SEARCHED_FIELDS:
        schema_editor.execute(f'DROP INDEX CONCURRENTLY IF EXISTS "{index_name(field)}"')


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run inside a transaction

    dependencies = [
        ("statements", "0009_link_old_consents"),
    ]

    operations = [
        TrigramExtension(),  # does nothing on a database other than PostgreSQL
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
