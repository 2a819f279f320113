"""News updates: the index (newest first, paginated), the update page, feeds, the home page listing."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from campaign.news.models import UpdatePage
from home.listings import latest_updates
from tests.core.factories import DocumentFactory
from tests.news.factories import UpdateIndexPageFactory, UpdatePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_page, site_settings):
    return UpdateIndexPageFactory(parent=home_page, intro="News from the campaign.")


def make_updates(news, count, start=datetime.date(2026, 1, 1)):
    return [
        UpdatePageFactory(parent=news, title=f"Update {n}", slug=f"update-{n}", date=start + datetime.timedelta(days=n))
        for n in range(count)
    ]


def test_index_lists_newest_first_and_paginates(client, news):
    make_updates(news, 12)

    first = client.get("/news/").content.decode()
    assert first.index("Update 11") < first.index("Update 10")
    assert "Update 1<" not in first and "Page 1 of 2" in first
    assert 'href="?page=2" rel="next"' in first

    second = client.get("/news/?page=2").content.decode()
    assert "Update 1<" in second and "Update 0<" in second and "Update 11" not in second


def test_index_survives_odd_page_numbers(client, news):
    make_updates(news, 12)
    assert "Update 11" in client.get("/news/?page=abc").content.decode()
    assert "Update 0<" in client.get("/news/?page=999").content.decode()


def test_private_updates_are_listed_nowhere(client, news):
    """An update behind a password or a login is for some readers only: no list or feed gives its title away."""
    make_updates(news, 2)
    private = UpdatePageFactory(parent=news, title="Members' briefing", slug="briefing", date=datetime.date(2027, 1, 1))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")

    assert client.get("/news/briefing/").status_code == 200  # Wagtail's password form
    for address in ("/news/", "/news/rss/", "/news/atom/", "/"):
        html = client.get(address).content.decode()
        assert "Update 1" in html, address
        assert "briefing" not in html, address


def test_drafts_are_not_listed(client, news):
    draft = UpdatePageFactory(parent=news, title="Secret draft")
    draft.unpublish()
    assert "Secret draft" not in client.get("/news/").content.decode()


def test_update_page_renders_its_blocks(client, news):
    image = Image.objects.create(title="Rally", file=get_test_image_file())
    document = DocumentFactory(title="Leaflet text", file=ContentFile(b"%PDF-1.4", name="leaflet.pdf"))
    update = UpdatePageFactory(
        parent=news,
        title="A rally",
        slug="a-rally",
        date=datetime.date(2026, 5, 1),
        standfirst="Hundreds came.",
        body=[
            ("heading", "What happened"),
            ("paragraph", "<p>It was <b>big</b>.</p>"),
            ("quote", {"quote": "Throw them out!", "attribution": "A speaker"}),
            ("image", {"image": image, "alt_text": "People with banners", "caption": "The rally"}),
            ("document", {"document": document, "link_text": ""}),
            (
                "call_to_action",
                {"title": "Sign the statement", "text": "Add your name.", "url": "https://example.org/"},
            ),
        ],
    )

    html = client.get(update.url).content.decode()

    assert "<h1>A rally</h1>" in html
    assert '<time datetime="2026-05-01">1 May 2026</time>' in html
    assert "<h2>What happened</h2>" in html and "<b>big</b>" in html
    assert "Throw them out!" in html and "— A speaker" in html
    assert 'alt="People with banners"' in html and "<figcaption>The rally</figcaption>" in html
    assert f'<a href="{document.url}">Leaflet text</a>' in html
    assert "Sign the statement" in html


def test_rss_feed_parses_newest_first_with_absolute_links(client, news):
    make_updates(news, 3)

    response = client.get("/news/rss/")

    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert feed.feed.title == "News"
    assert [entry.title for entry in feed.entries] == ["Update 2", "Update 1", "Update 0"]
    assert feed.entries[0].link == "http://testserver/news/update-2/"
    assert feed.entries[0].summary == "Something happened."
    channel = ET.fromstring(response.content).find("channel")
    assert channel.find("link").text == "http://testserver/news/"


def test_atom_feed_parses(client, news):
    make_updates(news, 2)
    response = client.get("/news/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.tag == f"{atom}feed"
    assert [entry.find(f"{atom}title").text for entry in root.findall(f"{atom}entry")] == [
        "Update 1",
        "Update 0",
    ]
    assert feedparser.parse(response.content).entries[0].link == "http://testserver/news/update-1/"


def test_index_links_its_feeds(client, news):
    html = client.get("/news/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/news/atom/"' in html


def test_home_page_shows_the_three_latest_updates(client, news):
    make_updates(news, 5)
    html = client.get("/").content.decode()
    assert "Latest news" in html
    assert "Update 4" in html and "Update 3" in html and "Update 2" in html
    assert "Update 1<" not in html
    assert '<a class="card-link" href="/news/update-4/">Update 4</a>' in html


def test_home_page_listing_is_two_bounded_queries(news):
    """The view restrictions (Wagtail's `.public()`), then the updates: however many of either there are."""
    make_updates(news, 5)
    for number in range(3):
        private = UpdatePageFactory(parent=news, slug=f"private-{number}", date=datetime.date(2027, 1, 1))
        PageViewRestriction.objects.create(page=private, restriction_type="login")
    with CaptureQueriesContext(connection) as queries:
        updates = latest_updates(news.get_parent().specific)
    assert len(updates) == 3 and all(isinstance(update, UpdatePage) for update in updates)
    assert [update.slug for update in updates] == ["update-4", "update-3", "update-2"]
    assert len(queries) == 2


def test_index_costs_the_same_queries_however_many_updates(client, news):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_updates(news, 2)
    client.get("/news/")
    with CaptureQueriesContext(connection) as few:
        client.get("/news/")
    for n in range(8):
        UpdatePageFactory(parent=news, slug=f"more-{n}", date=datetime.date(2026, 3, 1 + n))
    with CaptureQueriesContext(connection) as many:
        client.get("/news/")
    assert len(many) == len(few)
