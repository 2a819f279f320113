"""The motion page: the motion, its downloads, copying it, and the plain-text download with a name."""

import re

import pytest

from campaign.motion.models import MotionDownload
from campaign.motion.text import rich_text_to_plain
from tests.core.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_page_shows_the_motion_downloads_and_both_forms(client, motion_page):
    document = DocumentFactory(title="Motion (Word)")
    MotionDownload.objects.create(page=motion_page, title="The motion as a PDF", document=document)

    html = client.get("/motion/").content.decode()

    assert "[branch] notes that the Tories must go." in html
    assert f'<a href="{document.url}">The motion as a PDF</a>' in html
    assert 'action="/motion/download/"' in html and 'method="get"' in html
    assert "Invite a speaker" in html
    # The copy button needs JavaScript, so it is hidden until the script shows it.
    assert '<p class="copy-text" hidden>' in html
    assert "js/copy-text.js" in html
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "two forms on one page must not share field ids"
    assert '<input type="radio" name="format" value=""' not in html


def test_plain_text_keeps_paragraphs_and_list_items():
    text = rich_text_to_plain(
        "<p>One &amp; two</p><ol><li>First</li><li>Second</li></ol><ul><li>Point</li></ul><p>End</p>"
    )
    assert text == "One & two\n\n1. First\n\n2. Second\n\n- Point\n\nEnd"


def test_download_fills_in_the_branch_name(client, motion_page):
    response = client.get("/motion/download/", {"name": "Leeds Central Unison"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="leeds-central-unison-motion.txt"'
    text = response.content.decode()
    assert text.startswith("Model motion for Leeds Central Unison\n" + "=" * 37 + "\n\n")
    assert "Leeds Central Unison notes that the Tories must go." in text
    assert "1. Leeds Central Unison resolves to act." in text
    assert "[branch]" not in text


def test_download_without_a_name_says_this_branch(client, motion_page):
    response = client.get("/motion/download/")
    assert response["Content-Disposition"] == 'attachment; filename="model-motion.txt"'
    assert response.content.decode().startswith("Model motion\n============\n\n")
    text = response.content.decode()
    assert "This branch notes that" in text and "1. This branch resolves" in text


def test_download_keeps_names_to_one_plain_line(client, motion_page):
    response = client.get("/motion/download/", {"name": "Evil\r\nContent-Type: text/html <script>x</script>"})
    text = response.content.decode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Evil Content-Type: text/html <script>x</script> notes" in text
    assert "\r" not in text
    assert response["Content-Disposition"] == (
        'attachment; filename="evil-content-type-texthtml-scriptxscript-motion.txt"'
    )


def test_download_ignores_an_overlong_name(client, motion_page):
    response = client.get("/motion/download/", {"name": "x" * 500})
    assert response.status_code == 200
    assert "This branch notes" in response.content.decode()
