"""The site's own frame in Welsh (#29): the 404 page, the footer, the header's words and the 429 page's count.

A Welsh address (/cy/...) is served in Welsh; the same words at the plain
address stay exactly as they were in English.
"""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

pytestmark = pytest.mark.django_db

MISSING = "no-such-page/"


def footer_of(html):
    return html[html.index('<footer class="site-footer">') :]


def test_the_404_page_is_in_welsh_at_a_welsh_address(client, site_settings):
    with translation.override("cy"):
        response = client.get(f"/cy/{MISSING}")
    html = response.content.decode()

    assert response.status_code == 404
    assert "<h1>Ni ddarganfyddwyd y dudalen</h1>" in html  # Django's own Welsh for "Page not found"
    assert '<html lang="cy">' in html
    assert "Mae’n ddrwg gennym, ni allwn ddod o hyd i’r dudalen y gofynnoch amdani." in html
    assert ">Ewch i’r hafan</a>" in html
    assert "Sorry, we can’t find the page" not in html
    assert "Go to the home page" not in html
    assert '<a class="skip-link" href="#main">Neidio i’r prif gynnwys</a>' in html


def test_the_404_page_is_still_english_at_the_plain_address(client, site_settings):
    html = client.get(f"/{MISSING}").content.decode()

    assert "<h1>Page not found</h1>" in html
    assert "<p>Sorry, we can’t find the page you asked for. It may have moved, or the address may be mistyped." in html
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert "Ewch i’r hafan" not in html


def test_the_footer_is_in_welsh_on_a_welsh_page(client, site_settings):
    with translation.override("cy"):
        footer = footer_of(client.get(f"/cy/{MISSING}").content.decode())

    assert 'id="footer-updates-heading">Diweddariadau’r ymgyrch drwy e-bost</h3>' in footer
    assert '<button type="submit">Anfonwch ddiweddariadau ataf</button>' in footer
    assert "<li>E-bost: <a" in footer and "<li>Ffôn: <a" in footer
    assert ">Eich cyfeiriad e-bost</label>" in footer  # the form's own label (core.subscriptions.forms)
    assert "Byddwn yn anfon dolen atoch drwy e-bost yn gyntaf i gadarnhau." in footer
    for english in ("Campaign updates by email", "Send me updates", "Email:", "Phone:", "Your email address"):
        assert english not in footer


def test_the_footer_renders_in_welsh_wherever_welsh_is_active(site_settings):
    with translation.override("cy"):
        footer = render_to_string("includes/footer.html", {"site_settings": site_settings})
    assert '<h2 class="visually-hidden">Cysylltu a dolenni</h2>' in footer
    assert "Contact and links" not in footer
    english = render_to_string("includes/footer.html", {"site_settings": site_settings})
    assert '<h2 class="visually-hidden">Contact and links</h2>' in english


@pytest.mark.parametrize(
    ("minutes", "welsh"),
    [(1, "ymhen 1 munud."), (2, "ymhen 2 funud."), (5, "ymhen 5 munud."), (60, "ymhen 60 munud.")],
)
def test_the_429_page_counts_minutes_in_welsh(rf, site_settings, minutes, welsh):
    with translation.override("cy"):
        html = render_to_string("429.html", {"retry_minutes": minutes}, request=rf.get("/cy/"))
    assert welsh in html
    assert "Please try again in" not in html
    english = render_to_string("429.html", {"retry_minutes": minutes}, request=rf.get("/"))
    assert f"Please try again in {minutes} minute{'' if minutes == 1 else 's'}." in english
