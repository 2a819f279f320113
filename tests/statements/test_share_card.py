"""The statement's share card: the picture beside a shared link, drawn by the site with the live count.

What a person sharing the statement on WhatsApp or Facebook gets: the page
names a 1200 × 630 picture at a whole address, the picture carries the title
and how many have signed, and a surge of link previews does not redraw it.
"""

import io
import re

import pytest
from PIL import Image
from wagtail.images.models import Image as WagtailImage
from wagtail.images.tests.utils import get_test_image_file

from statements import share_card
from statements.models import SignatureCount
from tests.statements.test_privacy import make_private

pytestmark = pytest.mark.django_db

CARD = "/statement/share-card.png"


def meta(html, name):
    """The content of <meta property|name="name">, or None."""
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html)
    return found and found.group(1)


def picture(response):
    return Image.open(io.BytesIO(b"".join(response)))


def test_the_statement_names_its_card_at_a_whole_address_for_facebook_whatsapp_and_x(
    client, statement_page, site_settings
):
    html = client.get(statement_page.url).content.decode()

    assert meta(html, "og:image") == "http://testserver/statement/share-card.png"
    assert meta(html, "twitter:image") == "http://testserver/statement/share-card.png"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
    assert meta(html, "og:image:alt") == statement_page.title


def test_the_card_is_a_1200_by_630_png_in_the_brand_colour(client, statement_page, site_settings):
    site_settings.brand_colour = "#004080"
    site_settings.save()

    response = client.get(CARD)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"]
    image = picture(response)
    assert (image.format, image.size) == ("PNG", (1200, 630))
    assert image.convert("RGB").getpixel((5, 5)) == (0, 64, 128)  # the brand colour behind the title


def test_the_card_shows_the_count_so_a_new_count_draws_a_different_card():
    def card(people):
        return share_card.draw_card("Our statement", {"people": people, "organisations": 0, "total": people}, "#a00000")

    assert card(1204) != card(1205)
    assert card(1204) == card(1204)


def test_a_surge_of_link_previews_draws_the_card_once(
    client, statement_page, site_settings, monkeypatch, django_assert_num_queries
):
    drawn = []
    draw = share_card.draw_card
    monkeypatch.setattr(share_card, "draw_card", lambda *args, **kwargs: drawn.append(args) or draw(*args, **kwargs))
    SignatureCount.add(statement_page.pk, "person", 41)

    first = b"".join(client.get(CARD))
    SignatureCount.add(statement_page.pk, "person", 1)  # the count moves on; the kept card stands for a while
    with django_assert_num_queries(0):
        again = [b"".join(client.get(CARD)) for _ in range(5)]

    assert len(drawn) == 1
    assert drawn[0][1]["total"] == 41
    assert again == [first] * 5


def test_the_card_is_drawn_again_once_its_time_is_up_or_the_page_is_published(
    client, statement_page, site_settings, monkeypatch
):
    drawn = []
    draw = share_card.draw_card
    monkeypatch.setattr(share_card, "draw_card", lambda *args, **kwargs: drawn.append(args) or draw(*args, **kwargs))
    monkeypatch.setattr(share_card, "REFRESH_SECONDS", 0)  # kept for no time at all: each card's time is up at once
    client.get(CARD)
    SignatureCount.add(statement_page.pk, "person", 7)
    client.get(CARD)
    monkeypatch.setattr(share_card, "REFRESH_SECONDS", 300)
    client.get(CARD)
    client.get(CARD)  # kept
    statement_page.title = "A new title"
    statement_page.save_revision().publish()
    client.get(CARD)

    assert [(args[0], args[1]["total"]) for args in drawn] == [
        ("Our statement", 0),
        ("Our statement", 7),
        ("Our statement", 7),
        ("A new title", 7),
    ]


def test_a_private_statements_card_is_not_given_away(client, statement_page, site_settings):
    make_private(statement_page)

    assert client.get(CARD).status_code == 404


def test_other_pages_use_the_default_share_image_from_site_settings(client, home_page, site_settings):
    site_settings.share_image = WagtailImage.objects.create(title="Share", file=get_test_image_file())
    site_settings.save()

    html = client.get("/").content.decode()

    url = meta(html, "og:image")
    assert url.startswith("http://testserver/") and url.endswith(".png")
    assert meta(html, "twitter:image") == url


def test_an_editors_share_image_for_the_statement_wins_over_the_drawn_card(client, statement_page, site_settings):
    statement_page.share_image = WagtailImage.objects.create(title="Ours", file=get_test_image_file())
    statement_page.save_revision().publish()

    html = client.get(statement_page.url).content.decode()

    assert "share-card.png" not in html
    assert meta(html, "og:image").startswith("http://testserver/")
