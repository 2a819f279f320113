"""The home page's first screen: the headline, how many have signed, a bold sign button, a hero picture."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model

from statements.models import Signature
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def hero_picture(width=1600, height=900):
    out = io.BytesIO()
    Image.new("RGB", (width, height), (120, 20, 20)).save(out, "JPEG")
    return get_image_model().objects.create(title="Hero", file=ImageFile(io.BytesIO(out.getvalue()), name="hero.jpg"))


def test_home_page_shows_the_count_and_a_sign_button_to_the_form(client, home_page, site_settings, statement_page):
    for _ in range(3):
        SignatureFactory(page=statement_page)
    SignatureFactory(page=statement_page, organisation_kind=True)

    html = client.get("/").content.decode()

    assert '<p class="signed-count">3 people and 1 organisation have signed</p>' in html
    assert '<a class="button button-large" href="/statement/#sign">Sign the statement</a>' in html


def test_numbers_are_grouped_and_one_signer_has_signed(client, home_page, site_settings, statement_page):
    SignatureFactory(page=statement_page)
    assert "1 person has signed" in client.get("/").content.decode()
    SignatureFactory.create_batch(1203, page=statement_page, kind=Signature.Kind.PERSON)
    assert "1,204 people have signed" in client.get("/").content.decode()


def test_without_signatures_the_button_still_invites(client, home_page, site_settings, statement_page):
    html = client.get("/").content.decode()
    assert "Be one of the first to sign" in html
    assert 'href="/statement/#sign"' in html


def test_without_a_statement_there_is_no_sign_button(client, home_page, site_settings):
    html = client.get("/").content.decode()
    assert "Sign the statement</a>" not in html
    assert "signed-count" not in html


def test_home_page_queries_do_not_grow_with_signatures(
    client, home_page, site_settings, statement_page, django_assert_max_num_queries
):
    SignatureFactory(page=statement_page)
    with django_assert_max_num_queries(30) as few:
        client.get("/")
    SignatureFactory.create_batch(50, page=statement_page)
    SignatureFactory.create_batch(5, page=statement_page, organisation_kind=True)
    with django_assert_max_num_queries(len(few)):
        client.get("/")


def test_hero_picture_is_responsive_webp_and_not_lazy(client, home_page, site_settings, file_storage):
    home_page.hero_image = hero_picture()
    home_page.hero_alt = "Marchers with banners"
    home_page.save_revision().publish()

    html = client.get("/").content.decode()

    picture = html.split("<picture>")[1].split("</picture>")[0]
    assert 'type="image/webp"' in picture
    assert "480w" in picture and "1280w" in picture
    assert 'alt="Marchers with banners"' in picture
    assert 'loading="lazy"' not in picture  # above the fold on a laptop, just under the button on a phone


def test_a_hero_picture_needs_a_description(home_page, file_storage):
    home_page.hero_image = hero_picture()
    home_page.hero_alt = " "
    with pytest.raises(ValidationError) as refused:
        home_page.full_clean()
    assert "hero_alt" in refused.value.message_dict


def test_action_cards_are_one_link_each_with_an_icon(client, home_page, site_settings, statement_page):
    home_page.actions = [
        ("action", {"title": "Sign", "text": "Add your name.", "page": statement_page, "icon": "pen"}),
        ("action", {"title": "Soon", "text": "Nothing to link yet.", "icon": "calendar"}),
    ]
    home_page.save_revision().publish()

    html = client.get("/").content.decode()
    cards = html.split('<ul class="action-list">')[1].split("</ul>")[0].split('<li class="action">')[1:]

    assert cards[0].count("<a ") == 1 and '<a class="action-card" href="/statement/">' in cards[0]
    assert '<svg class="action-icon"' in cards[0] and 'aria-hidden="true"' in cards[0]
    assert "<a " not in cards[1]
