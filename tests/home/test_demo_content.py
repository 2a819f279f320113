"""The demo loader builds the site a newcomer sees, and running it again changes nothing."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings

pytestmark = pytest.mark.django_db


def snapshot():
    return sorted(Page.objects.values_list("url_path", "latest_revision_id", "content_type__model"))


def test_demo_builds_the_home_page_and_settings(client):
    call_command("load_demo_content")

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    settings = SiteSettings.for_site(site)
    assert settings.contact_email.endswith("@example.org")
    assert settings.phone.startswith("07700 900")
    assert settings.privacy_page is not None

    site.hostname = "testserver"
    site.save()
    html = client.get("/").content.decode()
    assert "fighting labour movement" in html
    assert "What you can do" in html
    assert "Like the Facebook page" in html


def test_demo_loader_is_idempotent():
    call_command("load_demo_content")
    before = snapshot()
    call_command("load_demo_content")
    assert snapshot() == before


def test_demo_loader_keeps_editor_changes():
    call_command("load_demo_content")
    home = Site.objects.get(is_default_site=True).root_page.specific
    home.intro = "<p>Edited by an editor.</p>"
    home.save_revision().publish()
    call_command("load_demo_content")
    home.refresh_from_db()
    assert home.intro == "<p>Edited by an editor.</p>"


def test_demo_has_a_logo_a_brand_colour_and_a_hero_picture_and_keeps_an_editor_s_removal(client):
    call_command("load_demo_content")
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    home = site.root_page.specific
    assert settings.logo is not None and settings.brand_colour == "#b0001e"
    assert home.hero_image is not None and home.hero_alt

    settings.logo = None
    settings.save()
    call_command("load_demo_content")

    assert SiteSettings.for_site(site).logo is None
