"""The look editors control: the brand colour (kept readable) and the logo, as visitors and editors meet them."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.colours import contrast_ratio, text_colour_on

pytestmark = pytest.mark.django_db


def png(size, colour=(0, 0, 0, 255)):
    out = io.BytesIO()
    Image.new("RGBA", size, colour).save(out, "PNG")
    return out.getvalue()


def wagtail_image(size, title="Logo"):
    return get_image_model().objects.create(title=title, file=ImageFile(io.BytesIO(png(size)), name="logo.png"))


def brand_link(html):
    return re.search(r'<link rel="stylesheet" href="(/brand\.css\?v=[0-9a-f]+)">', html).group(1)


def test_contrast_ratio_follows_wcag():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#777777", "#ffffff"), 2) == 4.48
    assert text_colour_on("#a00000") == "#ffffff"
    assert text_colour_on("#ffcc00") == "#1a1a1a"


def test_pages_link_the_brand_stylesheet_which_carries_the_colour(client, home_page, site_settings):
    site_settings.brand_colour = "#1d4e89"
    site_settings.save()

    link = brand_link(client.get("/").content.decode())
    response = client.get(link)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    css = response.content.decode()
    assert "--brand:#1d4e89" in css
    assert "--on-brand:#ffffff" in css
    assert "public" in response["Cache-Control"] and "max-age=31536000" in response["Cache-Control"]


def test_a_new_colour_is_a_new_stylesheet_address_at_once(client, home_page, site_settings):
    before = brand_link(client.get("/").content.decode())
    site_settings.brand_colour = "#ffcc00"
    site_settings.save()

    after = brand_link(client.get("/").content.decode())

    assert after != before
    css = client.get(after).content.decode()
    assert "--on-brand:#1a1a1a" in css  # dark text on a light colour
    accent = re.search(r"--accent:(#[0-9a-f]{6})", css).group(1)
    assert contrast_ratio(accent, "#ffffff") >= 4.5  # links and buttons stay readable on white
    stale = client.get(before)
    assert "max-age=60" in stale["Cache-Control"]  # an old page's link is right, but not kept long


def test_settings_refuse_a_colour_no_text_can_read_on(site_settings):
    site_settings.brand_colour = "#ff0000"
    with pytest.raises(Exception) as refused:
        site_settings.full_clean()
    assert "brand_colour" in refused.value.message_dict
    assert "4.5:1" in refused.value.message_dict["brand_colour"][0]

    site_settings.brand_colour = "#b0001e"
    site_settings.full_clean()


def test_the_admin_settings_form_shows_the_contrast_error(client, home_page, site_settings, superuser):
    client.force_login(superuser)
    url = f"/admin/settings/home/sitesettings/{home_page.get_site().pk}/"
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None and not hasattr(value, "pk")}
    data.update(
        nested_form_data(
            {
                "campaign_name": "Test Campaign",
                "brand_colour": "#808080",
                "privacy_page": "",
                "share_image": "",
                "logo": "",
                # Every StreamField posts its blocks' management keys, as the admin's own form does.
                "social_links": streamfield([]),
                "menu_titles": streamfield([]),
                "next_steps": streamfield([]),
            }
        )
    )

    response = client.post(url, data)

    assert response.status_code == 200
    assert "neither white nor near-black reaches" in response.content.decode()


def test_header_shows_the_logo_or_else_the_campaign_name(client, home_page, site_settings, file_storage):
    html = client.get("/").content.decode()
    assert '<span class="wordmark">Test Campaign</span>' in html

    site_settings.logo = wagtail_image((200, 100))
    site_settings.save()
    html = client.get("/").content.decode()
    header = html.split('<header class="site-header">')[1].split("</header>")[0]
    assert 'class="logo"' in header and 'alt="Test Campaign"' in header
    assert "wordmark" not in header


def test_favicon_and_app_icons_are_served_and_cached(client, home_page, site_settings):
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 200
    assert favicon["Content-Type"] == "image/x-icon"
    assert "public" in favicon["Cache-Control"]
    assert Image.open(io.BytesIO(favicon.content)).format == "ICO"

    touch = client.get("/apple-touch-icon.png")
    assert touch["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(touch.content)).size == (180, 180)

    manifest = client.get("/manifest.webmanifest").json()
    assert manifest["name"] == "Test Campaign"
    assert {icon["src"] for icon in manifest["icons"]} == {"/icon-192.png", "/icon-512.png"}
    assert Image.open(io.BytesIO(client.get("/icon-512.png").content)).size == (512, 512)


def test_a_squarish_logo_becomes_the_icon(client, home_page, site_settings, file_storage):
    default = client.get("/apple-touch-icon.png").content

    site_settings.logo = wagtail_image((100, 100))
    site_settings.save()
    from_logo = client.get("/apple-touch-icon.png").content

    assert from_logo != default
    # The black square logo sits in the middle of the icon, on the brand colour.
    icon = Image.open(io.BytesIO(from_logo)).convert("RGB")
    assert icon.getpixel((90, 90)) == (0, 0, 0)
    assert icon.getpixel((2, 2)) == (160, 0, 0)


def test_icon_urls_refuse_posts_and_answer_head(client, home_page, site_settings):
    assert client.head("/favicon.ico").status_code == 200
    assert client.head("/brand.css").status_code == 200
    assert client.post("/favicon.ico").status_code == 405
    assert client.post("/brand.css").status_code == 405
