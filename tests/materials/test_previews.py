"""Poster previews drawn from a PDF's first page, and the images for social media made from them."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from campaign.materials.models import DocumentPreview
from core.site_settings import imprint_for
from tests.core.factories import DocumentFactory
from tests.materials.factories import MaterialFactory, MaterialsPageFactory

pytestmark = pytest.mark.django_db

RED, WHITE = (200, 0, 0), (255, 255, 255)


@pytest.fixture
def materials_page(home_page):
    return MaterialsPageFactory(parent=home_page)


def poster_pdf(title="Red poster"):
    """A real one-page A4 PDF, drawn with Pillow: a red top half over a white bottom half."""
    page = Image.new("RGB", (827, 1169), WHITE)
    page.paste(Image.new("RGB", (827, 584), RED), (0, 0))
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=100)
    return DocumentFactory(title=title, file=ContentFile(buffer.getvalue(), name="red-poster.pdf"))


def image_from(file_field):
    with file_field.open("rb") as file:
        return Image.open(io.BytesIO(file.read())).convert("RGB")


def close_to(pixel, colour):
    return all(abs(a - b) < 30 for a, b in zip(pixel, colour, strict=True))


def test_a_pdf_without_a_preview_shows_its_first_page(client, materials_page, site_settings):
    MaterialFactory(page=materials_page, title="Red poster", document=poster_pdf())

    html = client.get("/materials/").content.decode()

    drawn = DocumentPreview.objects.get()
    assert drawn.problem == "" and drawn.image is not None
    picture = image_from(drawn.image.file)
    assert picture.height > picture.width  # portrait, like the page
    assert close_to(picture.getpixel((picture.width // 2, picture.height // 4)), RED)
    assert close_to(picture.getpixel((picture.width // 2, picture.height * 3 // 4)), WHITE)
    card = html.split('class="card material"')[1].split("</li>")[0]
    assert re.search(r'<img [^>]*src="[^"]*red-poster-preview[^"]*"', card)
    assert "material-placeholder" not in card


def test_the_preview_is_drawn_once_not_on_every_view(client, materials_page, site_settings):
    MaterialFactory(page=materials_page, document=poster_pdf())
    client.get("/materials/")
    images = get_image_model().objects.count()

    for _ in range(3):
        assert client.get("/materials/").status_code == 200

    assert get_image_model().objects.count() == images
    assert DocumentPreview.objects.count() == 1


def test_a_material_added_before_previews_existed_gets_one_on_first_view(client, materials_page, site_settings):
    material = MaterialFactory(page=materials_page, document=poster_pdf())
    DocumentPreview.objects.all().delete()  # as on a site that had materials before this feature

    html = client.get("/materials/").content.decode()

    assert DocumentPreview.objects.get(document=material.document).image is not None
    assert "material-placeholder" not in html


def test_an_editors_own_preview_is_kept(client, materials_page, site_settings):
    own = get_image_model().objects.create(
        title="Own", file=ContentFile(png_bytes((300, 200), (0, 0, 200)), name="own-picture.png")
    )
    MaterialFactory(page=materials_page, document=poster_pdf(), preview=own)

    html = client.get("/materials/").content.decode()

    assert "own-picture" in html and "red-poster-preview" not in html
    assert not DocumentPreview.objects.exists()


def png_bytes(size, colour):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def test_social_media_images_come_in_both_sizes_with_the_whole_poster(client, materials_page, site_settings):
    MaterialFactory(page=materials_page, title="Red poster", document=poster_pdf())

    html = client.get("/materials/").content.decode()

    links = re.findall(r'<a href="([^"]+)" download>([^<]+)<span class="visually-hidden"> of Red poster', html)
    assert [label for _, label in links] == [
        "Square image for social media",
        "Wide image for social media and link previews",
    ]
    assert "(PNG, 1080 × 1080 pixels)" in html and "(PNG, 1200 × 630 pixels)" in html
    square_url, wide_url = (url for url, _ in links)
    renditions = {r.file.url: r for r in DocumentPreview.objects.get().image.renditions.all()}
    square, wide = image_from(renditions[square_url].file), image_from(renditions[wide_url].file)
    assert square.size == (1080, 1080) and wide.size == (1200, 630)
    for picture in (square, wide):
        # Padded, not cropped: white either side, and the poster's red top and white bottom both there.
        assert close_to(picture.getpixel((2, picture.height // 2)), WHITE)
        assert close_to(picture.getpixel((picture.width - 3, picture.height // 2)), WHITE)
        assert close_to(picture.getpixel((picture.width // 2, 3)), RED)
        assert close_to(picture.getpixel((picture.width // 2, picture.height - 4)), WHITE)


def test_an_unreadable_pdf_shows_a_placeholder_not_an_error(client, materials_page, site_settings):
    broken = DocumentFactory(title="Broken", file=ContentFile(b"%PDF-1.4 this is not really a PDF", name="broken.pdf"))
    MaterialFactory(page=materials_page, title="Broken poster", document=broken)

    response = client.get("/materials/")

    assert response.status_code == 200
    card = response.content.decode().split('class="card material"')[1].split("</li>")[0]
    assert 'class="material-placeholder"' in card and "<img" not in card
    assert "social media" not in card
    assert DocumentPreview.objects.get().problem


def test_the_editor_is_warned_when_a_pdf_cannot_be_read(client, superuser, materials_page):
    broken = DocumentFactory(title="Broken", file=ContentFile(b"not a PDF at all", name="broken.pdf"))
    MaterialFactory(page=materials_page, title="Broken poster", document=broken)
    MaterialFactory(page=materials_page, title="Good poster", document=poster_pdf())
    client.force_login(superuser)

    html = client.get(f"/admin/pages/{materials_page.pk}/edit/").content.decode()

    assert html.count("The site could not draw a preview from this file.") == 1
    assert "Visitors see a plain placeholder instead." in html
    assert "Visitors see a picture of this file’s first page" in html


def test_publishing_a_material_draws_its_preview(client, superuser, materials_page):
    """An editor publishes the page with a new material: the preview is there before anyone visits."""
    document = poster_pdf()
    materials_page.materials.add(MaterialFactory.build(page=materials_page, document=document))
    materials_page.save_revision().publish()

    assert DocumentPreview.objects.get(document=document).image is not None


def test_replacing_the_pdf_draws_a_new_preview(client, materials_page, site_settings):
    material = MaterialFactory(page=materials_page, document=poster_pdf())
    first = DocumentPreview.objects.get().image_id
    document = material.document
    page = Image.new("RGB", (827, 1169), (0, 0, 200))
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=100)
    document.file = ContentFile(buffer.getvalue(), name="blue-poster.pdf")
    document.save()

    client.get("/materials/")

    drawn = DocumentPreview.objects.get()
    assert drawn.image_id != first
    picture = image_from(drawn.image.file)
    assert close_to(picture.getpixel((picture.width // 2, picture.height // 2)), (0, 0, 200))


def test_the_demo_posters_print_the_sites_imprint_at_their_foot(file_storage, demo_content):
    """The demo loader sets its example imprint before drawing its posters, so every poster file and preview has it."""
    assert imprint_for().startswith("Promoted by A. Organiser on behalf of ")
    posters = get_document_model().objects.filter(title__startswith="Poster:", title__endswith="(PNG)")
    assert posters.count() == 2
    for poster in posters:
        picture = image_from(poster.file).convert("L")
        foot = [picture.getpixel((x, y)) for y in range(picture.height - 40, picture.height) for x in range(0, 827, 2)]
        assert min(foot) < 100, f"{poster.title} has no imprint at its foot"
