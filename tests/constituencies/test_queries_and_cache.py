"""The pages cost the same few queries with 10 signatures or 200, and the page cache keeps them like other pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.places.models import Constituency
from statements.models import Signature
from statements.views import position_of
from tests.constituencies.factories import ConstituencyFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.motion.factories import VerifiedReportFactory
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db

LEEDS = "/where-people-signed/E14001316/"


def add_signatures(page, number, codes):
    """`number` confirmed public signatures spread over `codes`, counted as signing counts them."""
    now = timezone.now()
    for index in range(number):
        SignatureFactory(
            page=page,
            constituency=codes[index % len(codes)],
            region="yorkshire",
            confirmed_at=now - timezone.timedelta(seconds=index),
        )


def queries(client, url, **params):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return [query["sql"] for query in captured]


@pytest.mark.parametrize("url", ["/where-people-signed/", LEEDS])
def test_queries_do_not_grow_with_signatures(client, where_page, statement_page, leeds, url):
    codes = [leeds.code] + [ConstituencyFactory().code for _ in range(30)]
    index = EventIndexPageFactory(parent=where_page.get_parent())
    for _ in range(3):
        event = EventPageFactory(parent=index)
        event.__class__.objects.filter(pk=event.pk).update(constituency=leeds.code)
        VerifiedReportFactory(constituency=leeds.code)
    add_signatures(statement_page, 10, codes)
    client.get(url)  # the first request of all loads what every page then keeps (site, settings)
    with_ten = queries(client, url)

    add_signatures(statement_page, 190, codes)
    for _ in range(20):
        ConstituencyFactory()
    with_two_hundred = queries(client, url)

    assert len(with_two_hundred) == len(with_ten)
    assert not any("COUNT(" in sql.upper() and "statements_signature" in sql for sql in with_two_hundred)


def test_the_table_reads_counts_once_and_names_once(client, where_page, statement_page, leeds):
    add_signatures(statement_page, 5, [leeds.code])
    client.get("/where-people-signed/")
    sql = queries(client, "/where-people-signed/", q="leeds", sort="name")
    assert len([query for query in sql if "statements_signaturecount" in query]) == 1
    assert len([query for query in sql if Constituency._meta.db_table in query]) == 1
    assert not any('"statements_signature"' in query for query in sql)  # no signature is read, let alone counted


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


def test_the_pages_are_cached_and_need_no_database_then(
    client, page_cache_on, where_page, leeds, django_assert_num_queries
):
    for url in ("/where-people-signed/", LEEDS):
        assert client.get(url)["X-Page-Cache"] == "miss"
        with django_assert_num_queries(0):
            assert client.get(url)["X-Page-Cache"] == "hit"
        assert client.get(url, {"utm_source": "leaflet"})["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/where-people-signed/", {"q": "leeds"}),
        ("/where-people-signed/", {"sort": "name"}),
        ("/where-people-signed/", {"page": "2"}),
        (LEEDS, {"before": "1_1"}),
        (LEEDS, {"after": "1_1"}),
    ],
)
def test_a_search_order_or_later_page_is_rendered_for_its_request_and_never_stored(
    client, page_cache_on, where_page, leeds, url, params
):
    client.get(url)
    response = client.get(url, params)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_a_publish_empties_the_cached_pages(client, page_cache_on, where_page, leeds):
    client.get("/where-people-signed/")
    where_page.title = "Where supporters are"
    where_page.save_revision().publish()
    response = client.get("/where-people-signed/")
    assert response["X-Page-Cache"] == "miss"
    assert "Where supporters are" in response.content.decode()


def test_a_hidden_name_leaves_the_cached_constituency_page_at_once(
    client, page_cache_on, where_page, statement_page, leeds
):
    signature = SignatureFactory(page=statement_page, constituency=leeds.code, name="Rude Word")
    assert "Rude Word" in client.get(LEEDS).content.decode()
    signature.show_publicly = False
    signature.save()
    assert "Rude Word" not in client.get(LEEDS).content.decode()
    assert Signature.objects.filter(name="Rude Word").exists()


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SKIPPED EXPLAIN of a constituency's names: PostgreSQL")
def test_a_constituencys_deep_page_of_names_reads_its_index_on_postgresql(client, where_page, statement_page, leeds):
    now = timezone.now()
    for code in (leeds.code, "E14000001", ""):
        Signature.objects.bulk_create(
            SignatureFactory.build(
                page=statement_page, constituency=code, email="", confirmed_at=now - timezone.timedelta(seconds=n)
            )
            for n in range(3000)
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE statements_signature")
    deep = list(statement_page.signatures.listed().filter(constituency=leeds.code)[2500:2501])[0]

    sql = [
        query for query in queries(client, LEEDS, before=position_of(deep)) if 'FROM "statements_signature"' in query
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql[0]}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert len(sql) == 1 and "OFFSET" not in sql[0]
    assert "signature_list_constituency" in plan, plan
    assert "Sort" not in plan, plan
