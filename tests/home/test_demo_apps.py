"""The campaign demo content: real poster files, the motion, news and form pages, built once."""

import io

import pytest
from django.core.management import call_command
from PIL import Image
from wagtail.documents.models import Document
from wagtail.models import Site

from campaign.materials.demo import POSTERS
from campaign.materials.models import Material
from campaign.motion.models import MotionPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(file_storage):
    call_command("load_demo_content")
    site = Site.objects.get(is_default_site=True)
    site.hostname = "testserver"
    site.save()
    return site


def test_demo_posters_are_real_files_that_download(client, demo_site):
    materials = list(Material.objects.select_related("document"))
    assert len(materials) >= 4
    kinds = {material.document.file_extension for material in materials}
    assert kinds == {"pdf", "png"}
    for material in materials:
        response = client.get(material.document.url)
        assert response.status_code == 200
        body = b"".join(response.streaming_content)
        if material.document.file_extension == "pdf":
            assert response["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
        else:
            assert response["Content-Type"] == "image/png"
            assert Image.open(io.BytesIO(body)).size == (827, 1169)

    html = client.get("/materials/").content.decode()
    for _, title, _, _ in POSTERS:  # each poster once, its PDF and PNG offered together under it
        assert html.count(f">{title}</h3>") == 1, title
        files = html.split(f">{title}</h3>")[1].split("</ul>")[0]
        assert f'Download PDF<span class="visually-hidden"> of {title}</span>' in files
        assert f'Download PNG – image for social media<span class="visually-hidden"> of {title}</span>' in files
    for material in materials:
        assert f'href="{material.document.url}" download' in html


def test_demo_motion_news_and_forms_render(client, demo_site):
    motion = MotionPage.objects.get(locale__language_code="en-gb")  # the demo translates it into Welsh too
    assert "[branch] resolves" in motion.motion
    assert "Living Wage" in motion.motion_text("Leeds Unison")
    for url in ("/motion/", "/news/", "/news/rss/", "/get-involved/", "/contact/", "/"):
        assert client.get(url).status_code == 200, url
    assert "info@example.org" in client.get("/contact/").content.decode()
    assert "Latest news" in client.get("/").content.decode()


def test_demo_runs_twice_without_duplicating_files_or_materials(demo_site):
    documents, materials = Document.objects.count(), Material.objects.count()
    call_command("load_demo_content")
    assert (Document.objects.count(), Material.objects.count()) == (documents, materials)
