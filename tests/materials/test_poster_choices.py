"""Each poster once on the materials page, with every size and format it comes in chosen from one list (issue 32)."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.images.models import Image as WagtailImage
from wagtail.images.tests.utils import get_test_image_file

from campaign.materials.models.pages import shared_title
from tests.core.factories import DocumentFactory
from tests.materials.factories import MaterialFactory, MaterialsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def materials_page(home_page):
    return MaterialsPageFactory(parent=home_page)


def document(name, size=1024):
    return DocumentFactory(title=name, file=ContentFile(b"x" * size, name=name))


def cards(html):
    """[(heading, [download link texts])] of each card, as a screen reader lists them."""
    found = []
    for card in html.split('<li class="card material">')[1:]:
        card = card.split("</ul>")[0]
        heading = re.search(r"<h3[^>]*>([^<]+)</h3>", card).group(1)
        links = [re.sub(r"<[^>]+>", "", text) for text in re.findall(r"download>(.*?)</a>", card)]
        found.append((heading, links))
    return found


def test_the_sizes_and_formats_of_one_poster_are_one_card_with_a_choice_of_files(client, materials_page):
    preview = WagtailImage.objects.create(title="Tories out", file=get_test_image_file())
    for title, name in [
        ("Poster: Tories out A4", "a4.pdf"),
        ("Poster: Tories out A3", "a3.pdf"),
        ("Poster: Tories out (image for social media)", "poster.png"),
    ]:
        MaterialFactory(page=materials_page, title=title, document=document(name), preview=preview)
    MaterialFactory(page=materials_page, title="Leaflet", document=document("leaflet.pdf"))

    html = client.get("/materials/").content.decode()

    assert cards(html)[0][0] == "Poster: Tories out"
    assert cards(html)[0][1][:3] == [
        "Download PDF – A4 of Poster: Tories out",
        "Download PDF – A3 of Poster: Tories out",
        "Download PNG – image for social media of Poster: Tories out",
    ]
    assert cards(html)[1] == ("Leaflet", ["Download PDF of Leaflet"])
    assert html.count("<img ") == 2  # the poster's picture once, and the QR code


def test_images_for_social_media_are_offered_once_per_poster(client, materials_page, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    preview = WagtailImage.objects.create(title="Tories out", file=get_test_image_file())
    MaterialFactory(page=materials_page, title="Tories out", document=document("a.pdf"), preview=preview)
    MaterialFactory(page=materials_page, title="Tories out (PNG)", document=document("a.png"), preview=preview)

    html = client.get("/materials/").content.decode()

    assert html.count("Square image for social media<") == 1
    assert html.count("Wide image for social media and link previews<") == 1


def test_the_order_form_still_asks_for_each_printed_size(client, materials_page):
    preview = WagtailImage.objects.create(title="Tories out", file=get_test_image_file())
    MaterialFactory(page=materials_page, title="Tories out A4", document=document("a4.pdf"), preview=preview)
    MaterialFactory(page=materials_page, title="Tories out A3", document=document("a3.pdf"), preview=preview)

    html = client.get("/materials/").content.decode()

    assert "Copies of “Tories out A4”" in html and "Copies of “Tories out A3”" in html
    assert html.count("Printed copies can be ordered below.") == 1


def test_a_poster_is_named_by_the_words_its_files_share():
    assert shared_title(["Poster: Tories out A4", "Poster: Tories out A3"]) == "Poster: Tories out"
    assert shared_title(["Tories out", "Tories out (image for social media)"]) == "Tories out"
    assert shared_title(["Leaflet", "Poster"]) == ""
