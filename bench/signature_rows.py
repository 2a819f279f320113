"""Signatures made by PostgreSQL itself, one INSERT ... SELECT over generate_series: no Python per row.

Apart from bench.data (which needs the bench's own models, installed only in its settings) so the tests can
check that every column a signature requires is filled here: a new NOT NULL column would otherwise break
`make bench` only at its first insert.
"""

from django.db import connection

from statements.models import Signature

# Per loaded row n: what each column holds (SQL expressions over n).
COLUMNS = {
    "page": "%(page)s",
    "kind": "CASE WHEN n %% 20 = 0 THEN 'organisation' ELSE 'person' END",
    "name": "'Signer ' || n",
    "organisation": "CASE WHEN n %% 20 = 0 THEN 'Organisation ' || n WHEN n %% 3 = 0 THEN 'Unison' ELSE '' END",
    "role": "CASE WHEN n %% 20 = 0 THEN 'Secretary' ELSE '' END",
    "email": "%(prefix)s || '-' || n || '@example.org'",
    "email_normalised": "%(prefix)s || '-' || n || '@example.org'",
    "town": "'Town ' || (n %% 500)",
    "organisation_type": "CASE WHEN n %% 20 = 0 THEN 'campaign' ELSE '' END",
    "union_other": "''",
    "region": "(ARRAY['north-east', 'yorkshire', 'london', 'scotland', 'wales'])[1 + n %% 5]",
    "constituency": "''",
    "referral_code": "''",
    "introduce_me": "false",
    "show_publicly": "n %% 4 <> 0",
    "keep_informed": "n %% 2 = 0",
    "keep_informed_wording": "CASE WHEN n %% 2 = 0 THEN 'updates-1' ELSE '' END",
    "language": "CASE WHEN n %% 10 = 0 THEN 'cy' ELSE 'en-gb' END",  # a tenth signed in Welsh
    "held_because": "''",
    "network": "''",
    "source": "%(source)s",
    "created_at": "now() - n * interval '1 second'",
    "confirmed_at": "CASE WHEN %(confirmed)s THEN now() - n * interval '1 second' END",
}


def insert_signatures(page, first, last, prefix, source, confirmed):
    """Insert signatures numbered first..last (inclusive) in one statement."""
    columns = ", ".join(Signature._meta.get_field(name).column for name in COLUMNS)
    values = ", ".join(COLUMNS.values())
    sql = (
        f"INSERT INTO {Signature._meta.db_table} ({columns}) "
        f"SELECT {values} FROM generate_series(%(first)s, %(last)s) AS n"
    )
    params = {"page": page.pk, "prefix": prefix, "source": source, "confirmed": confirmed}
    with connection.cursor() as cursor:
        cursor.execute(sql, {**params, "first": first, "last": last})
