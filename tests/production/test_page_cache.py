"""Anonymous pages come from the shared cache, the same bytes for every visitor."""

import re
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client, RequestFactory
from wagtail.models import PageViewRestriction

from core.page_cache import cache_key, rendering_key
from core.publish_clock import GENERATION_KEY
from statements.models import Signature
from tests.news.factories import UpdateIndexPageFactory, UpdatePageFactory
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import PERSON, confirm, link_in, path_of, sign

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


def test_second_anonymous_view_is_served_from_the_cache(client, statement_page, site_settings):
    first = client.get(statement_page.url)
    second = client.get(statement_page.url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert "We demand a better world." in second.content.decode()


def test_cached_page_needs_no_database(client, statement_page, site_settings, django_assert_num_queries):
    client.get(statement_page.url)
    with django_assert_num_queries(0):
        assert client.get(statement_page.url)["X-Page-Cache"] == "hit"


def test_every_visitor_of_a_cached_page_gets_the_same_bytes_and_can_sign(statement_page, site_settings):
    Client(enforce_csrf_checks=True).get(statement_page.url)  # fills the cache
    alice, bob = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    alice_page, bob_page = alice.get(statement_page.url), bob.get(statement_page.url)
    assert alice_page["X-Page-Cache"] == bob_page["X-Page-Cache"] == "hit"
    assert alice_page.content == bob_page.content
    assert not alice_page.cookies

    data = {**PERSON, "email": "alice@example.org"}
    assert alice.post(f"{statement_page.url}sign/", data, headers={"Sec-Fetch-Site": "same-origin"}).status_code == 302
    assert Signature.objects.filter(email="alice@example.org").exists()


def test_a_page_that_minted_a_csrf_token_is_never_cached(client, statement_page, site_settings):
    """A private page's password form (Wagtail's) carries a token of the visitor's own: never shared."""
    PageViewRestriction.objects.create(page=statement_page, restriction_type="password", password="secret")
    for _ in range(2):
        response = client.get(statement_page.url)
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert "X-Page-Cache" not in response
        assert "public" not in response["Cache-Control"]


def test_publishing_empties_the_cache(client, statement_page, site_settings):
    client.get(statement_page.url)
    statement_page.body = "<p>A new version of the statement.</p>"
    statement_page.save_revision().publish()
    response = client.get(statement_page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "A new version of the statement." in response.content.decode()


def test_changing_site_settings_empties_the_cache(client, statement_page, site_settings):
    client.get("/")
    site_settings.footer_text = "New footer"
    site_settings.save()
    assert "New footer" in client.get("/").content.decode()


def test_counts_on_cached_pages_catch_up_once_the_page_is_stale(client, statement_page, site_settings, settings):
    settings.PAGE_CACHE_SECONDS = 1
    client.get(statement_page.url)
    SignatureFactory(page=statement_page)
    assert 'data-total="0"' in client.get(statement_page.url).content.decode()
    time.sleep(1.1)
    fresh = client.get(statement_page.url)
    assert fresh["X-Page-Cache"] == "miss"
    assert 'data-total="1"' in fresh.content.decode()
    assert client.get(statement_page.url)["X-Page-Cache"] == "hit"


def another_process_is_rendering(path):
    cache.add(rendering_key(cache_key(RequestFactory().get(path))), 1, timeout=60)


def test_while_one_process_renders_a_stale_page_the_others_serve_their_copy(
    client, statement_page, site_settings, settings
):
    """A surge does not have every worker render the same page at once when its copy goes stale."""
    settings.PAGE_CACHE_SECONDS = 1
    client.get(statement_page.url)
    SignatureFactory(page=statement_page)
    time.sleep(1.1)
    another_process_is_rendering(statement_page.url)

    served = client.get(statement_page.url)

    assert served["X-Page-Cache"] == "stale"
    assert 'data-total="0"' in served.content.decode()
    assert served["Cache-Control"].startswith("public")


def test_a_stale_copy_is_never_served_after_a_publish(client, statement_page, site_settings, settings):
    settings.PAGE_CACHE_SECONDS = 1
    client.get(statement_page.url)
    time.sleep(1.1)
    another_process_is_rendering(statement_page.url)
    statement_page.body = "<p>Published a moment ago.</p>"
    statement_page.save_revision().publish()

    served = client.get(statement_page.url)

    assert served["X-Page-Cache"] == "miss"
    assert "Published a moment ago." in served.content.decode()


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"path": "/statement/signatories/", "data": {"q": "x"}},
        {"path": "/no-such-page/"},
    ],
)
def test_queries_and_errors_are_never_cached(client, statement_page, site_settings, request_kwargs):
    client.get(**request_kwargs)
    assert "X-Page-Cache" not in client.get(**request_kwargs)


def test_logged_in_editors_always_see_the_live_page(client, statement_page, site_settings, superuser):
    client.get(statement_page.url)
    client.force_login(superuser)
    assert "X-Page-Cache" not in client.get(statement_page.url)


def test_form_errors_are_not_cached(client, statement_page, site_settings):
    client.post(f"{statement_page.url}sign/", {**PERSON, "email": "bad"})
    page = client.get(statement_page.url).content.decode()
    assert "Enter a valid email address" not in page


def test_each_process_keeps_hot_pages_for_a_moment_without_asking_the_shared_cache(
    client, statement_page, site_settings, settings
):
    settings.PAGE_CACHE_LOCAL_SECONDS = 1
    client.get(statement_page.url)
    cache.clear()  # the shared cache forgets the page: this process still has it
    assert client.get(statement_page.url)["X-Page-Cache"] == "hit"
    time.sleep(1.1)
    assert client.get(statement_page.url)["X-Page-Cache"] == "miss"


def test_a_publish_shows_at_once_on_the_server_that_published_it(client, statement_page, site_settings, settings):
    settings.PAGE_CACHE_LOCAL_SECONDS = 60
    client.get(statement_page.url)
    statement_page.body = "<p>Published a moment ago.</p>"
    statement_page.save_revision().publish()
    assert "Published a moment ago." in client.get(statement_page.url).content.decode()


def test_other_servers_see_a_publish_within_the_local_seconds(client, statement_page, site_settings, settings):
    settings.PAGE_CACHE_LOCAL_SECONDS = 1
    client.get(statement_page.url)
    purge_from_another_server = cache.incr  # what publish_clock.advance() does on the server where the editor published
    purge_from_another_server(GENERATION_KEY)
    time.sleep(1.1)
    assert client.get(statement_page.url)["X-Page-Cache"] == "miss"


def test_thank_you_page_is_served_from_the_cache(client, statement_page, site_settings):
    thank_you = f"{statement_page.url}confirm/done/"
    client.get(thank_you)
    response = client.get(thank_you)
    assert response["X-Page-Cache"] == "hit"
    assert "Thank you for signing" in response.content.decode()


def test_deleting_a_page_empties_the_cache(client, statement_page, site_settings):
    """Wagtail unpublishes a live page before deleting it, which empties the cache."""
    assert client.get(statement_page.url).status_code == 200
    statement_page.delete()
    assert client.get("/statement/").status_code == 404


def test_a_page_cached_before_a_publish_commits_is_forgotten(
    statement_page, site_settings, django_capture_on_commit_callbacks
):
    """Wagtail signals a publish inside its transaction; another process may cache the old page in that gap."""
    visitor = Client()
    with django_capture_on_commit_callbacks(execute=True):
        statement_page.save_revision().publish()
        assert visitor.get(statement_page.url)["X-Page-Cache"] == "miss"  # rendered before the commit
        assert visitor.get(statement_page.url)["X-Page-Cache"] == "hit"
    assert visitor.get(statement_page.url)["X-Page-Cache"] == "miss"


def test_a_cached_page_says_how_long_it_is(client, statement_page, site_settings):
    """Without Content-Length, gunicorn sends the page in chunks: slower for the server and the visitor."""
    client.get(statement_page.url)
    response = client.get(statement_page.url)
    assert response["X-Page-Cache"] == "hit"
    assert response["Content-Length"] == str(len(response.content))


def test_making_a_page_private_empties_the_cache(client, statement_page, site_settings):
    """Saving a view restriction must not leave the public copy served for PAGE_CACHE_SECONDS."""
    client.get(statement_page.url)
    assert client.get(statement_page.url)["X-Page-Cache"] == "hit"

    restriction = PageViewRestriction.objects.create(page=statement_page, restriction_type="login")

    for _ in range(2):  # and a restricted page is never cached
        response = client.get(statement_page.url)
        assert response.status_code == 302 and response["Location"].startswith("/_util/login/")
        assert "X-Page-Cache" not in response

    restriction.delete()
    assert "We demand a better world." in client.get(statement_page.url).content.decode()


def test_a_private_news_update_leaves_the_cached_news_page_at_once(client, home_page, site_settings):
    news = UpdateIndexPageFactory(parent=home_page)
    update = UpdatePageFactory(parent=news, title="Members' briefing", slug="briefing")
    assert "Members&#x27; briefing" in client.get("/news/").content.decode()

    PageViewRestriction.objects.create(page=update, restriction_type="password", password="secret")

    assert "briefing" not in client.get("/news/").content.decode()


def test_withdrawing_a_signature_takes_the_name_off_cached_pages_at_once(client, statement_page, site_settings):
    sign(client, statement_page)
    confirm(client, link_in(mail.outbox[0], "confirm"))
    assert "Rosa Example" in client.get(statement_page.url).content.decode()
    assert client.get(statement_page.url)["X-Page-Cache"] == "hit"

    client.post(path_of(link_in(mail.outbox[0], "withdraw")))

    response = client.get(statement_page.url)
    assert "Rosa Example" not in response.content.decode()
    assert "0 signatures" in response.content.decode()


def test_an_organiser_hiding_a_name_takes_it_off_cached_pages_at_once(client, statement_page, site_settings):
    """The README's way to deal with an abusive name: untick "show publicly" in the admin."""
    abusive = SignatureFactory(page=statement_page, name="Rude Word")
    assert "Rude Word" in client.get(statement_page.url).content.decode()
    assert client.get(statement_page.url)["X-Page-Cache"] == "hit"

    abusive.show_publicly = False
    abusive.save()

    assert "Rude Word" not in client.get(statement_page.url).content.decode()


def test_deleting_a_signature_in_the_admin_takes_it_off_cached_pages_at_once(client, statement_page, site_settings):
    signature = SignatureFactory(page=statement_page, name="Rude Word")
    assert "Rude Word" in client.get(statement_page.url).content.decode()

    signature.delete()

    assert "Rude Word" not in client.get(statement_page.url).content.decode()


def test_new_signatures_never_empty_the_page_cache(client, statement_page, site_settings):
    """A surge of signing must not throw away the cached statement on every POST."""
    client.get(statement_page.url)
    sign(client, statement_page, email="new@example.org")
    assert client.get(statement_page.url)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("query", ["utm_source=x", "x", "src=poster-leeds&fbclid=abc123", "page=2"])
def test_a_query_string_the_page_does_not_read_is_the_cached_page(client, statement_page, site_settings, query):
    """Anyone could otherwise make every request render the statement by adding one character to its address."""
    assert client.get(statement_page.url)["X-Page-Cache"] == "miss"

    response = client.get(f"{statement_page.url}?{query}")

    assert response["X-Page-Cache"] == "hit"
    assert "We demand a better world." in response.content.decode()
    assert "public" in response["Cache-Control"]


def test_the_first_visitor_with_a_query_string_fills_the_cache_for_everyone(client, statement_page, site_settings):
    assert client.get(f"{statement_page.url}?utm_source=newsletter")["X-Page-Cache"] == "miss"
    assert client.get(statement_page.url)["X-Page-Cache"] == "hit"
    assert client.get(f"{statement_page.url}?utm_source=other")["X-Page-Cache"] == "hit"


def test_the_signatories_list_still_searches_and_filters_beside_its_cached_page(client, statement_page, site_settings):
    SignatureFactory(page=statement_page, name="Ada Lovelace")
    SignatureFactory(page=statement_page, organisation_kind=True, name="Anytown Trades Council")
    signatories = f"{statement_page.url}signatories/"
    assert client.get(signatories)["X-Page-Cache"] == "miss"
    assert client.get(f"{signatories}?utm_source=x")["X-Page-Cache"] == "hit"

    organisations = client.get(f"{signatories}?kind=organisation")
    search = client.get(f"{signatories}?q=lovelace&utm_source=x")

    assert "X-Page-Cache" not in organisations and "X-Page-Cache" not in search
    assert "Anytown Trades Council" in organisations.content.decode()
    assert "Ada Lovelace" not in organisations.content.decode()
    assert "Ada Lovelace" in search.content.decode()
    assert "Anytown Trades Council" not in search.content.decode()
    assert "private" in search["Cache-Control"]
    everyone = client.get(signatories).content.decode()  # a search never takes the list's place
    assert "Ada Lovelace" in everyone and "Anytown Trades Council" in everyone


def test_a_later_page_of_news_is_not_the_cached_first_page(client, home_page, site_settings):
    news = UpdateIndexPageFactory(parent=home_page)
    for number in range(12):
        UpdatePageFactory(parent=news, title=f"Update number {number:02}", slug=f"update-{number}")
    first = client.get("/news/")
    assert client.get("/news/?utm_source=x")["X-Page-Cache"] == "hit"

    second = client.get("/news/?page=2")

    assert "X-Page-Cache" not in second
    assert second.content != first.content
    assert set(re.findall(r"Update number \d\d", second.content.decode())).isdisjoint(
        re.findall(r"Update number \d\d", first.content.decode())
    )
