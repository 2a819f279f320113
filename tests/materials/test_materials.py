"""The materials page: downloads with format and size, download counts, the QR code."""

import io

import pytest
import segno
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image
from wagtail.images.models import Image as WagtailImage
from wagtail.images.tests.utils import get_test_image_file

from campaign.materials.models import Material
from campaign.materials.models.pages import human_size
from campaign.materials.qr import ERROR_LEVEL
from tests.core.factories import DocumentFactory
from tests.materials.factories import MaterialFactory, MaterialsPageFactory
from tests.statements.factories import StatementPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def materials_page(home_page):
    return MaterialsPageFactory(parent=home_page)


def test_sizes_are_shown_as_people_say_them():
    assert human_size(512) == "512 bytes"
    assert human_size(820 * 1024) == "820 KB"
    assert human_size(int(1.2 * 1024 * 1024)) == "1.2 MB"
    assert human_size(None) == ""


def test_page_lists_materials_with_format_and_size(client, materials_page, site_settings):
    big = DocumentFactory(title="Big poster", file=ContentFile(b"x" * int(1.2 * 1024 * 1024), name="big.pdf"))
    MaterialFactory(page=materials_page, title="Big poster", document=big, description="For windows.")
    png = DocumentFactory(title="Picture", file=ContentFile(b"p" * 2048, name="picture.png"))
    MaterialFactory(page=materials_page, title="Picture", document=png, orderable=False)

    html = client.get("/materials/").content.decode()

    assert "Big poster" in html and "For windows." in html
    assert f'href="{big.url}" download>Download PDF<span class="visually-hidden"> of Big poster</span></a>' in html
    assert '<span class="meta">(1.2 MB)</span>' in html
    assert f'href="{png.url}" download>Download PNG<span class="visually-hidden"> of Picture</span></a>' in html
    assert '<span class="meta">(2 KB)</span>' in html


def test_listing_costs_the_same_queries_however_many_materials(client, materials_page, site_settings):
    def add_materials(count):
        for n in range(count):
            preview = WagtailImage.objects.create(title=f"Preview {n}", file=get_test_image_file())
            MaterialFactory(page=materials_page, preview=preview)
        client.get("/materials/")  # the first view makes the preview renditions

    add_materials(2)
    with CaptureQueriesContext(connection) as few:
        client.get("/materials/")
    add_materials(6)
    with CaptureQueriesContext(connection) as many:
        html = client.get("/materials/").content.decode()
    assert html.count('class="card material"') == 8
    assert len(many) == len(few)


def test_download_serves_the_file_with_its_type_and_counts_it(client, materials_page, file_storage):
    material = MaterialFactory(page=materials_page)
    png_doc = DocumentFactory(title="Image", file=ContentFile(b"\x89PNG\r\n\x1a\nrest", name="image.png"))
    png_material = MaterialFactory(page=materials_page, document=png_doc)

    response = client.get(material.document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.get(material.document.url)

    png_response = client.get(png_doc.url)
    assert png_response["Content-Type"] == "image/png"

    material.refresh_from_db()
    png_material.refresh_from_db()
    assert material.download_count == 2
    assert png_material.download_count == 1


def test_download_of_an_unknown_document_is_404_and_counts_nothing(client, materials_page):
    material = MaterialFactory(page=materials_page)
    assert client.get(f"/documents/{material.document.pk}/other-name.pdf").status_code == 404
    assert Material.objects.get(pk=material.pk).download_count == 0


def qr_modules(png_bytes, scale=10, border=4):
    """Read the dark/light modules back out of the PNG the site serves."""
    image = Image.open(io.BytesIO(png_bytes)).convert("L")
    size = image.width // scale - 2 * border
    return [
        [
            image.getpixel(((col + border) * scale + scale // 2, (row + border) * scale + scale // 2)) < 128
            for col in range(size)
        ]
        for row in range(size)
    ]


def expected_modules(payload):
    return [[bool(module) for module in row] for row in segno.make(payload, error=ERROR_LEVEL, micro=False).matrix]


def test_qr_code_png_encodes_the_site_root_when_there_is_no_statement(client, materials_page):
    response = client.get("/qr/statement.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert qr_modules(response.content) == expected_modules("http://testserver/")
    assert qr_modules(response.content) != expected_modules("http://testserver/materials/")


def test_qr_code_svg_names_its_address(client, materials_page):
    response = client.get("/qr/statement.svg")
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.startswith("<?xml") and "<svg" in svg
    assert "<title>QR code for http://testserver/</title>" in svg


def test_qr_code_points_at_a_live_statement_page(client, materials_page):
    StatementPageFactory(parent=materials_page.get_parent(), slug="statement")

    response = client.get("/qr/statement.png")

    # With the posters' source code, so the dashboard counts who came from a printed poster (statements.referrals).
    assert qr_modules(response.content) == expected_modules("http://testserver/statement/?src=poster")
    assert "http://testserver/statement/?src=poster" in client.get("/qr/statement.svg").content.decode()


def test_qr_code_comes_only_as_svg_or_png(client, materials_page):
    assert client.get("/qr/statement.gif").status_code == 404


def test_materials_page_offers_the_qr_code(client, materials_page, site_settings):
    html = client.get("/materials/").content.decode()
    assert '<img src="/qr/statement.svg"' in html and 'alt="QR code that opens the statement"' in html
    assert 'href="/qr/statement.png"' in html


def test_deleting_a_document_hides_its_material_instead_of_failing(client, materials_page, site_settings):
    kept = MaterialFactory(page=materials_page, title="Kept poster")
    gone = MaterialFactory(page=materials_page, title="Gone poster")
    gone.document.delete()
    html = client.get("/materials/").content.decode()
    assert "Kept poster" in html and "Gone poster" not in html
    assert Material.objects.filter(pk=kept.pk).exists()


def test_organisers_see_download_counts_but_cannot_change_them(client, organiser, materials_page):
    MaterialFactory(page=materials_page, title="Popular poster", download_count=42)
    client.force_login(organiser)
    html = client.get("/admin/materials/material/").content.decode()
    assert "Popular poster" in html and "42" in html
    assert client.get("/admin/materials/material/create/").status_code in (302, 403)


def test_plain_editors_do_not_see_download_counts(client, editor, materials_page):
    client.force_login(editor)
    assert client.get("/admin/materials/material/").status_code in (302, 403)


def test_downloads_refused_by_a_collection_restriction_are_not_counted(client, materials_page):
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    material = MaterialFactory(page=materials_page, document=DocumentFactory(collection=private))

    assert client.get(material.document.url).status_code == 302  # to the login page
    material.refresh_from_db()
    assert material.download_count == 0
