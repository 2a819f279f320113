"""QR codes and printed posters name the site's real address, never a hard-coded localhost."""

import io

import pytest
from django.core.management import call_command
from PIL import Image, ImageChops
from wagtail.models import Site

from campaign.materials.demo import POSTERS
from campaign.materials.posters import draw_poster
from core.site_settings import imprint_for
from home.demo import CAMPAIGN_NAME
from tests.materials.factories import MaterialsPageFactory
from tests.statements.factories import StatementPageFactory

pytestmark = pytest.mark.django_db


def test_the_demo_site_takes_its_address_from_the_setting(settings):
    """On a fresh database (Wagtail's own localhost:80 site), the demo's posters point at PUBLIC_BASE_URL."""
    settings.PUBLIC_BASE_URL = "https://campaign.example.org"
    assert Site.objects.get(is_default_site=True).hostname == "localhost"  # as Wagtail's migration made it

    call_command("load_demo_content", verbosity=0)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("campaign.example.org", 443)
    assert site.root_url == "https://campaign.example.org"
    slug, title, slogan, _ = POSTERS[0]
    material = site.root_page.get_children().get(slug="materials").specific.materials.get(title=title)
    with material.preview.file.open("rb") as file:
        poster = Image.open(io.BytesIO(file.read())).convert("RGB")
    imprint = imprint_for(site=site)
    assert imprint.startswith("Promoted by ")  # the demo prints its example imprint at every poster's foot
    url = "https://campaign.example.org/statement/"
    expected = draw_poster(CAMPAIGN_NAME, slogan, "Sign the statement", url, imprint)
    assert ImageChops.difference(poster, expected).getbbox() is None


def test_the_default_address_is_the_development_server(settings):
    call_command("load_demo_content", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "http://127.0.0.1:8000"


def test_the_qr_code_uses_the_host_the_visitor_asked_for(client, home_page):
    MaterialsPageFactory(parent=home_page)
    StatementPageFactory(parent=home_page, slug="statement")

    svg = client.get("/qr/statement.svg", HTTP_HOST="campaign.example.org").content.decode()

    assert "<title>QR code for http://campaign.example.org/statement/?src=poster</title>" in svg
    assert "localhost" not in svg and "testserver" not in svg
