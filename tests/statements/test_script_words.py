"""The words the statement's scripts show come from the page, in its language (#29).

static/js/statement.js reads its "Copy link" button and "Copied" status from
the share address's data-copy and data-copied; sign-retry.js reads what it
says while the site is down from its status line. So a Welsh page gives them
Welsh, an English page English, and the share buttons' labels follow the page too.
"""

import html
import re

import pytest
from django.test import RequestFactory
from django.utils import translation

from statements.views import sign_unavailable

pytestmark = pytest.mark.django_db


def attribute(page, name):
    found = re.search(rf'\s{name}="([^"]*)"', page)
    assert found, f"no {name} on the page"
    return html.unescape(found.group(1))


def share_labels(page):
    return re.findall(r'<span class="visually-hidden">[^<]*</span>([^<]+)</a>', page)


def test_the_welsh_statement_gives_its_copy_button_and_share_links_welsh_words(client, welsh_statement):
    page = client.get(welsh_statement.url).content.decode()
    assert attribute(page, "data-copy") == "Copïo’r ddolen"
    assert attribute(page, "data-copied") == "Wedi’i chopïo"
    assert share_labels(page) == ["WhatsApp", "E-bost", "Facebook", "Bluesky", "X"]


def test_the_english_statement_gives_them_english(client, statement_page, welsh_statement):
    page = client.get(statement_page.url).content.decode()
    assert attribute(page, "data-copy") == "Copy link"
    assert attribute(page, "data-copied") == "Copied"
    assert share_labels(page) == ["WhatsApp", "Email", "Facebook", "Bluesky", "X"]
    assert "mailto:?subject=" in page  # the email link is still chosen, whatever its label says


def outage_page(path, language):
    with translation.override(language):
        return sign_unavailable(RequestFactory().post(path, {"name": "Ada"})).content.decode()


def test_the_page_shown_while_the_site_is_down_says_what_it_waits_for_in_the_pages_language():
    welsh = outage_page("/cy/datganiad/sign/", "cy")
    assert attribute(welsh, "data-waiting").startswith("Cadwch y dudalen hon ar agor: bydd eich llofnod")
    assert attribute(welsh, "data-back") == "Mae’r wefan yn ôl: rydym yn anfon eich llofnod nawr."
    english = outage_page("/statement/sign/", "en-gb")
    assert attribute(english, "data-waiting").startswith("Keep this page open: your signature will be sent")
    assert attribute(english, "data-back") == "The site is back: sending your signature now."
