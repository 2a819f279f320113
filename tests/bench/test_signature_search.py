"""The admin's signature search on PostgreSQL: served by the trigram indexes, and the bench row that times it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench import signature_search
from statements.admin import SignatureAdmin
from statements.models import Signature
from tests.statements.factories import SignatureFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("the trigram indexes exist on PostgreSQL only (set DATABASE_URL)")


def plan_of(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # as the planner does with a large table
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def page_query_of_search(client, term):
    """The SQL of the rows the signatures list shows for `?q=term` (the query with LIKE and ORDER BY)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/statements/signature/", {"q": term}).status_code == 200
    return next(q["sql"] for q in queries if "LIKE" in q["sql"] and "ORDER BY" in q["sql"] and "COUNT" not in q["sql"])


def test_each_searched_field_is_looked_up_in_its_trigram_index(statement_page, superuser, rf):
    SignatureFactory(page=statement_page, name="Rosa Luxemburg", organisation="Leeds Branch")
    signature_search.grow_to(statement_page, 5000)
    request = rf.get("/admin/statements/signature/", {"q": "Luxemburg"})
    request.user = superuser
    admin = SignatureAdmin()
    handler = admin.get_search_handler(request, admin.get_search_fields(request))

    found = handler.search_queryset(Signature.objects.order_by(), "Luxemburg")  # the admin's own lookups

    plan = plan_of(*found.query.sql_with_params())
    assert list(found.values_list("name", flat=True)) == ["Rosa Luxemburg"]
    for field in ("name", "organisation", "email", "town"):
        assert f"statements_signature_{field}_trgm" in plan, plan


def test_the_list_sorts_a_search_after_finding_it_never_walking_the_date_index(client, statement_page, superuser):
    SignatureFactory(page=statement_page, name="Rosa Luxemburg")
    client.force_login(superuser)

    sql = page_query_of_search(client, "Luxemburg")

    assert 'ORDER BY ("statements_signature"."created_at" + ' in sql


def test_the_bench_row_times_the_same_search_at_two_sizes(statement_page):
    result = signature_search.measure(statement_page, small=50, large=500, repeats=1)

    assert result["small"] > 0 and result["large"] > 0
    assert result["ratio"] == result["large"] / result["small"]
    assert "500 ÷ 50 signatures" in signature_search.report_line(result, 50, 500)
