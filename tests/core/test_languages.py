"""The site in two languages (#29): each address has one language, and every page links its other version.

English is at the plain addresses, Welsh under /cy/; a page's Welsh version
is its translation (wagtail-localize keeps one per language, or an alias of the
original until an editor translates it).
"""

import pytest

from core.languages import language_of_path
from statements.models import Signature
from tests.statements.visitor import PERSON, sign

pytestmark = pytest.mark.django_db


def test_the_address_alone_says_the_language():
    assert language_of_path("/cy/datganiad/") == "cy"
    assert language_of_path("/statement/") == "en-gb"
    assert language_of_path("/cymru/") == "en-gb"  # a page whose slug starts with cy is still English


def test_a_welsh_page_is_served_in_welsh_and_says_so(client, welsh_statement, statement_page):
    response = client.get(welsh_statement.url)
    html = response.content.decode()
    assert welsh_statement.url.startswith("/cy/")
    assert response.status_code == 200
    assert response["Content-Language"] == "cy"
    assert '<html lang="cy">' in html
    assert "Rydym yn galw am fuddugoliaeth i Lafur." in html
    english = client.get(statement_page.url)
    assert english["Content-Language"] == "en-gb"
    assert '<html lang="en-GB">' in english.content.decode()
    assert "Vary" not in english or "Accept-Language" not in english["Vary"]  # one address, one language


def test_the_language_switch_goes_to_the_same_page_in_the_other_language(client, welsh_statement, statement_page):
    english = client.get(statement_page.url).content.decode()
    welsh = client.get(welsh_statement.url).content.decode()
    assert f'href="{welsh_statement.url}" lang="cy" hreflang="cy">Cymraeg</a>' in english
    assert f'href="{statement_page.url}" lang="en-gb" hreflang="en-gb">English</a>' in welsh
    for html in (english, welsh):  # each page names both versions for search engines
        assert f'<link rel="alternate" hreflang="cy" href="http://testserver{welsh_statement.url}">' in html
        assert f'<link rel="alternate" hreflang="en-gb" href="http://testserver{statement_page.url}">' in html


def test_a_page_not_translated_yet_says_so_in_the_switch(client, statement_page, welsh_locale):
    html = client.get(statement_page.url).content.decode()
    assert "Cymraeg" in html
    assert 'hreflang="cy"' not in html  # no Welsh version to link to


def test_signing_in_welsh_signs_the_one_statement_and_counts_once(client, welsh_statement, statement_page, mailoutbox):
    response = sign(client, welsh_statement, email="gwen@example.org")
    assert response.status_code == 302
    assert response["Location"].startswith(welsh_statement.url)
    signature = Signature.objects.get(email="gwen@example.org")
    assert signature.page_id == statement_page.pk  # the original's signature: one list, one count
    assert signature.language == "cy"
    [email] = mailoutbox
    assert f"http://testserver{welsh_statement.url}confirm/?token=" in email.body  # the link to the Welsh page
    sign(client, statement_page, **{**PERSON, "email": "rosa@example.org"})
    assert Signature.objects.filter(page=statement_page).count() == 2
    assert Signature.objects.filter(page=welsh_statement).count() == 0


def test_a_welsh_signer_confirms_from_their_welsh_email_and_both_languages_count_them(
    client, welsh_statement, statement_page, mailoutbox
):
    from tests.statements.visitor import confirm, link_in

    sign(client, welsh_statement, email="gwen@example.org")
    response = confirm(client, link_in(mailoutbox[0], "confirm"))
    assert response.status_code == 302
    assert response["Location"].startswith(welsh_statement.url)
    assert Signature.objects.get(email="gwen@example.org").is_confirmed
    assert statement_page.counted_page.counter_totals() == welsh_statement.counted_page.counter_totals()
    assert sum(statement_page.counter_totals().values()) >= 1
    english_count = client.get(f"{statement_page.url.rstrip('/')}.json").json()["signatures"]
    welsh_count = client.get(f"{welsh_statement.url.rstrip('/')}.json").json()["signatures"]
    assert english_count == welsh_count == 1


def test_the_sitemap_lists_both_languages_and_links_each_page_to_its_other_version(
    client, welsh_statement, statement_page
):
    xml = client.get("/sitemap.xml").content.decode()
    assert f"<loc>http://testserver{welsh_statement.url}</loc>" in xml
    assert f"<loc>http://testserver{statement_page.url}</loc>" in xml
    alternate = f'<xhtml:link rel="alternate" hreflang="cy" href="http://testserver{welsh_statement.url}"/>'
    assert xml.count(alternate) == 2  # under the English address and the Welsh one
    assert "<loc>http://testserver/</loc>" in xml and "<loc>http://testserver/cy/</loc>" in xml


def test_closing_the_statement_closes_it_in_every_language(client, welsh_statement, statement_page):
    from datetime import timedelta

    from django.utils import timezone

    statement_page.closes_at = timezone.now() - timedelta(minutes=1)
    statement_page.save_revision().publish()  # the translation keeps its own copy of the field, never read
    response = sign(client, welsh_statement, email="hwyr@example.org")
    assert response.status_code == 410
    assert not Signature.objects.filter(email="hwyr@example.org").exists()
