"""The demo in Welsh (#29): the statement, an event, the motion and the accessibility statement translated.

The rest of the tree has Welsh aliases (the English words at /cy/ addresses, "not translated yet").
"""

import pytest
from django.core.management import call_command
from wagtail.models import Site

pytestmark = pytest.mark.django_db


@pytest.fixture
def welsh_demo():
    call_command("load_demo_content", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    site.hostname = "testserver"
    site.save()


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/cy/datganiad/", "Ymgyrch Sosialaidd dros Fuddugoliaeth i Lafur"),
        ("/cy/events/galwad-trefnwyr-ar-lein/", "Galwad ar-lein i drefnwyr lleol"),
        ("/cy/cynnig/", "Cynnig enghreifftiol"),
        ("/cy/hygyrchedd/", "Datganiad hygyrchedd"),
    ],
)
def test_the_demo_has_its_welsh_pages(client, welsh_demo, path, words):
    html = client.get(path).content.decode()
    assert f"<h1>{words}</h1>" in html or words in html
    assert '<html lang="cy">' in html


def test_every_page_links_the_accessibility_statement_in_its_language(client, welsh_demo):
    assert 'href="/accessibility/">Accessibility statement</a>' in client.get("/").content.decode()
    welsh = client.get("/cy/").content.decode()
    assert 'href="/cy/hygyrchedd/">Datganiad hygyrchedd</a>' in welsh
    assert "Llofnodi’r datganiad" in welsh  # the Welsh statement's short menu title


def test_a_page_not_translated_yet_is_there_in_welsh_with_the_english_words(client, welsh_demo):
    response = client.get("/cy/news/")
    assert response.status_code == 200
    assert response["Content-Language"] == "cy"
