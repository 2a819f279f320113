"""The bench row for the admin's signature search: the same search over 1,000,000 signatures ÷ over 10,000.

The admin's search is a case-insensitive substring match on name, organisation,
email and town; on PostgreSQL the trigram indexes of statements' migration
0010 serve it, so its time follows the rows found, not the rows kept. The
signatures are bench.data's (made by PostgreSQL, "Signer <n>" ...) plus a few
distinctive ones the searches look for; each search is the signatures list
page an organiser opens (GET /admin/statements/signature/?q=...), run in this
process through Django's test client as a superuser, best of `repeats`.

Standalone, on a migrated PostgreSQL database with the demo content
(`manage.py load_demo_content`):

    DATABASE_URL=postgres://... python -m bench.signature_search [small] [large]

From the bench (Django set up on its throwaway database): `measure(page)`
returns {"small": seconds, "large": seconds, "ratio": large / small}.
"""

import statistics
import sys
import time

TARGET = 3.0
SMALL, LARGE = 10_000, 1_000_000
SEARCHES = ["Luxemburg", "rosa.l@example.net", "Local Government Branch", "luxemburg rosa"]
LIST_URL = "/admin/statements/signature/"
# Who the searches find: the same few in any size of table.
DISTINCTIVE = [
    {"name": "Rosa Luxemburg", "email": "rosa.l@example.net", "organisation": "Leeds Local Government Branch"},
    {"name": "Rosa Luxemburg", "email": "rosa.lux@example.net", "organisation": ""},
    {"name": "Karl Liebknecht", "email": "karl@example.net", "organisation": "Local Government Branch, Hull"},
]


def add_distinctive(page):
    from statements.models import Signature

    for fields in DISTINCTIVE:
        if not Signature.objects.filter(page=page, email_normalised=fields["email"]).exists():
            Signature.objects.create(page=page, town="Leeds", **fields)


FIRST_NAMES = ["Ada", "Ben", "Chloe", "Dev", "Eilidh", "Femi", "Gwen", "Hamza", "Ines", "Jack", "Kofi", "Lena"]
SURNAMES = ["Smith", "Jones", "Patel", "Evans", "Khan", "Murphy", "Taylor", "Wilson", "Begum", "Roberts", "Walker"]
# Per row n, what differs from the template row (SQL over n); every other column is the template's.
VARYING = {
    "name": "(%(first)s::text[])[1 + n %% 12] || ' ' || (%(last)s::text[])[1 + (n / 12) %% 11]",
    "email": "'signer' || n || '@example.org'",
    "email_normalised": "'signer' || n || '@example.org'",
    "organisation": "CASE WHEN n %% 20 = 0 THEN 'Branch ' || n ELSE '' END",
    "town": "'Town ' || (n %% 500)",
    "created_at": "now() - n * interval '1 second'",
    "confirmed_at": "now() - n * interval '1 second'",
}


def grow_to(page, total):
    """Add generated signatures (each a copy of a template row, with its own name, email ...) up to `total`.

    Made by PostgreSQL (INSERT ... SELECT over generate_series): a million rows in seconds.
    """
    from django.db import connection

    from statements.models import Signature

    generated = Signature.objects.filter(page=page, email_normalised__startswith="signer")
    have = generated.count()
    if have >= total:
        return
    template = Signature.objects.filter(page=page).order_by("pk").first()
    fields = [field for field in Signature._meta.concrete_fields if not field.primary_key]
    columns = ", ".join(f'"{field.column}"' for field in fields)
    values = ", ".join(VARYING.get(field.name, f't."{field.column}"') for field in fields)
    sql = (
        f"INSERT INTO {Signature._meta.db_table} ({columns}) SELECT {values} "
        f"FROM generate_series(%(first_n)s, %(last_n)s) AS n, {Signature._meta.db_table} AS t WHERE t.id = %(template)s"
    )
    params = {"first": FIRST_NAMES, "last": SURNAMES, "first_n": have + 1, "last_n": total, "template": template.pk}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        cursor.execute(f"ANALYZE {Signature._meta.db_table}")  # fresh statistics for the planner


def admin_client():
    from django.contrib.auth import get_user_model
    from django.test import Client

    User = get_user_model()
    user = User.objects.filter(username="bench-search").first() or User.objects.create_superuser(
        "bench-search", "bench-search@example.org", None
    )
    client = Client()
    client.force_login(user)
    return client


def time_searches(client, repeats=5):
    """The median over the searches of each one's best time, in seconds (the list page, as an organiser waits)."""
    bests = []
    for term in SEARCHES:
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            response = client.get(LIST_URL, {"q": term})
            times.append(time.perf_counter() - started)
            if response.status_code != 200 or (b"Luxemburg" not in response.content and "lux" in term.lower()):
                raise RuntimeError(f"the search for {term!r} did not find what it looks for")
        bests.append(min(times))
    return statistics.median(bests)


# The search's page, not the deployment's gates: the test client speaks plain HTTP to "testserver",
# with a session made by force_login and no second factor.
AS_THE_TEST_CLIENT = {
    "ALLOWED_HOSTS": ["testserver"],
    "SECURE_SSL_REDIRECT": False,
    "STAFF_2FA_REQUIRED": False,
    "STAFF_2FA_REQUIRED_PERMISSIONS": [],
}


def measure(page, small=SMALL, large=LARGE, repeats=5):
    """Time the searches with `small` signatures, grow the table to `large`, time them again.

    For a table holding only the demo's signatures (a throwaway database of its own): other
    signatures already there count towards neither size.
    """
    from django.db import connection
    from django.test import override_settings

    if connection.vendor != "postgresql":
        raise RuntimeError("the signature search bench needs PostgreSQL")
    with override_settings(**AS_THE_TEST_CLIENT):
        add_distinctive(page)
        client = admin_client()
        grow_to(page, small)
        client.get(LIST_URL, {"q": SEARCHES[0]})  # warm: templates, permissions, connection
        small_seconds = time_searches(client, repeats)
        grow_to(page, large)
        client.get(LIST_URL, {"q": SEARCHES[0]})
        large_seconds = time_searches(client, repeats)
    return {"small": small_seconds, "large": large_seconds, "ratio": large_seconds / small_seconds}


def report_line(result, small=SMALL, large=LARGE):
    met = "met" if result["ratio"] <= TARGET else "NOT met"
    return (
        f"admin signature search, {large:,} ÷ {small:,} signatures: {result['ratio']:.2f} "
        f"({result['large'] * 1000:.0f} ms ÷ {result['small'] * 1000:.0f} ms; target ≤ {TARGET:g}, {met})"
    )


def main(argv):
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    django.setup()
    small = int(argv[1]) if len(argv) > 1 else SMALL
    large = int(argv[2]) if len(argv) > 2 else LARGE
    from statements.models import StatementPage

    result = measure(StatementPage.objects.live().get(slug="statement"), small, large)
    print(report_line(result, small, large))


if __name__ == "__main__":
    main(sys.argv)
