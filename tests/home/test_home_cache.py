"""The cached home page keeps its count and its latest signers as fresh as the statement page's."""

import time

import pytest
from django.core import mail

from tests.statements.factories import SignatureFactory
from tests.statements.visitor import confirm, link_in, path_of, sign

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


def test_the_count_and_the_latest_signers_catch_up_once_the_cached_home_page_is_stale(
    client, statement_page, site_settings, settings
):
    settings.PAGE_CACHE_SECONDS = 1
    client.get("/")
    SignatureFactory(page=statement_page, name="Rosa Example")
    cached = client.get("/")
    assert cached["X-Page-Cache"] == "hit"
    assert 'data-total="0"' in cached.content.decode()

    time.sleep(1.1)
    fresh = client.get("/")

    assert fresh["X-Page-Cache"] == "miss"
    assert 'data-total="1"' in fresh.content.decode()
    assert "Rosa Example" in fresh.content.decode()
    assert 'data-total="1"' in client.get(statement_page.url).content.decode()  # as the statement says


def test_cached_home_page_needs_no_database(client, statement_page, site_settings, django_assert_num_queries):
    SignatureFactory(page=statement_page)
    client.get("/")
    with django_assert_num_queries(0):
        assert client.get("/")["X-Page-Cache"] == "hit"


def test_a_withdrawn_signer_leaves_the_cached_home_page_at_once(client, statement_page, site_settings):
    sign(client, statement_page)
    confirm(client, link_in(mail.outbox[0], "confirm"))
    assert "Rosa Example" in client.get("/").content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"

    client.post(path_of(link_in(mail.outbox[0], "withdraw")))

    html = client.get("/").content.decode()
    assert "Rosa Example" not in html
    assert "No one has signed yet: be the first" in html


def test_a_name_an_organiser_hides_leaves_the_cached_home_page_at_once(client, statement_page, site_settings):
    abusive = SignatureFactory(page=statement_page, name="Rude Word")
    assert "Rude Word" in client.get("/").content.decode()

    abusive.show_publicly = False
    abusive.save()

    html = client.get("/").content.decode()
    assert "Rude Word" not in html
    assert 'data-total="1"' in html  # still counted: only the name is hidden


def test_new_milestones_show_on_the_cached_home_page_once_published(client, statement_page, site_settings):
    SignatureFactory.create_batch(3, page=statement_page)
    assert "3 of 100 signatures" in client.get("/").content.decode()

    statement_page.milestones = "2, 10"
    statement_page.save_revision().publish()

    assert "3 of 10 signatures, towards our next milestone" in client.get("/").content.decode()
