"""The election imprint ("Promoted by … on behalf of …, address"): a site setting, on every page and generated file.

UK law wants it on printed and digital campaign material, as part of the
material wherever that is reasonably practicable: the foot of every page,
the posters the site draws, the motion's files and the statement's share card.
"""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from campaign.materials.posters import draw_poster
from statements.share_card import HEIGHT, draw_card
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

IMPRINT = "Promoted by A. Organiser on behalf of Example Campaign, 1 Example Street, Anytown AB1 2CD."


@pytest.fixture
def imprinted(site_settings):
    site_settings.imprint_promoted_by = "A. Organiser"
    site_settings.imprint_on_behalf_of = "Example Campaign"
    site_settings.imprint_address = "1 Example Street, Anytown AB1 2CD"
    site_settings.save()
    return site_settings


@pytest.mark.parametrize("path", ["/", "/privacy/", "/statement/", "/statement/signatories/", "/no-such-page/"])
def test_every_page_ends_with_the_imprint(client, imprinted, statement_page, path):
    ContentPageFactory(parent=imprinted.site.root_page, title="Privacy notice", slug="privacy")
    html = client.get(path).content.decode()

    footer = html[html.index('<footer class="site-footer">') :]
    assert f'<p class="imprint">{IMPRINT}</p>' in footer


def test_the_imprint_follows_the_settings_word_for_word(imprinted):
    imprinted.imprint_on_behalf_of = ""
    imprinted.imprint_address = "PO Box 1, Anytown."

    assert imprinted.imprint() == "Promoted by A. Organiser, PO Box 1, Anytown."


def test_a_site_without_an_imprint_shows_none(client, site_settings):
    assert 'class="imprint"' not in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("promoter", "behalf", "address", "missing"),
    [
        ("A. Organiser", "", "", {"imprint_address"}),
        ("", "", "1 Example Street", {"imprint_promoted_by"}),
        ("", "Example Campaign", "", {"imprint_promoted_by", "imprint_address"}),
    ],
)
def test_half_an_imprint_is_refused_in_the_settings(site_settings, promoter, behalf, address, missing):
    site_settings.imprint_promoted_by, site_settings.imprint_on_behalf_of = promoter, behalf
    site_settings.imprint_address = address

    with pytest.raises(ValidationError) as refused:
        site_settings.clean()
    assert set(refused.value.message_dict) == missing


def ink_rows(picture, top, bottom, darker_than=200):
    """How many rows between `top` and `bottom` hold any pixel darker than `darker_than` (text)."""
    grey = picture.convert("L")
    return sum(1 for y in range(top, bottom) if min(grey.getpixel((x, y)) for x in range(grey.width)) < darker_than)


def lowest_ink(picture):
    """The lowest row with text on it."""
    return max(y for y in range(picture.height) if ink_rows(picture, y, y + 1))


def test_the_poster_prints_the_imprint_at_its_foot():
    args = ("Example Campaign", "A slogan", "Sign the statement", "https://example.org/statement/")
    plain, imprinted = draw_poster(*args), draw_poster(*args, imprint=IMPRINT)

    foot = imprinted.height - 45, imprinted.height - 5
    assert ink_rows(plain, *foot) == 0
    assert ink_rows(imprinted, *foot) >= 10  # a line of small print


def test_the_share_card_carries_the_imprint_along_its_foot():
    counts = {"total": 1234, "people": 1200, "organisations": 34}
    plain = Image.open(io.BytesIO(draw_card("Title", counts, "#a00000", "Campaign", "example.org/statement")))
    card = Image.open(
        io.BytesIO(draw_card("Title", counts, "#a00000", "Campaign", "example.org/statement", imprint=IMPRINT))
    )

    foot = HEIGHT - 80, HEIGHT
    assert ink_rows(card, *foot) >= ink_rows(plain, *foot) + 10  # a line of small print below the address
    assert lowest_ink(card) > lowest_ink(plain)


def test_the_served_share_card_is_drawn_again_with_the_imprint_once_it_is_set(client, statement_page, site_settings):
    before = Image.open(io.BytesIO(b"".join(client.get("/statement/share-card.png"))))
    site_settings.imprint_promoted_by, site_settings.imprint_address = "A. Organiser", "1 Example Street"
    site_settings.save()
    after = Image.open(io.BytesIO(b"".join(client.get("/statement/share-card.png"))))

    foot = HEIGHT - 80, HEIGHT
    assert ink_rows(after, *foot) >= ink_rows(before, *foot) + 10
