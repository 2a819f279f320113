"""The motion as Word and PDF files with the branch's name in it, in any alphabet."""

import io

import docx
import pypdfium2
import pytest

from tests.motion.factories import MotionPageFactory
from tests.motion.word_xml import numbering_instances, paragraph_numbering

pytestmark = pytest.mark.django_db

MOTION = (
    "<h2>Motion on the election</h2>"
    "<p>[branch] notes that the Tories must go.</p>"
    "<ol><li>[branch] believes in <b>bold</b> action.</li><li>Second point.</li></ol>"
    "<p>[branch] resolves:</p>"
    "<ol><li>To act.</li><li>To invite a speaker.</li></ol>"
    "<ul><li>A bullet point.</li></ul>"
)
BRANCH = "Łódź & Cymru ŵ branch"


@pytest.fixture
def motion_page(home_page):
    return MotionPageFactory(parent=home_page, title="Model motion", motion=MOTION)


def test_word_download_has_the_title_the_branch_and_real_lists(client, motion_page):
    response = client.get("/motion/download/", {"name": BRANCH, "format": "docx"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%C5%82%C3%B3d%C5%BA-cymru-%C5%B5-branch-motion.docx"
    )
    document = docx.Document(io.BytesIO(response.content))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", f"Model motion for {BRANCH}")
    assert ("Heading 1", "Motion on the election") in paragraphs
    assert ("Normal", f"{BRANCH} notes that the Tories must go.") in paragraphs
    assert ("List Number", f"{BRANCH} believes in bold action.") in paragraphs
    assert ("List Bullet", "A bullet point.") in paragraphs
    assert "[branch]" not in "\n".join(text for _, text in paragraphs)
    bold = [run.text for p in document.paragraphs for run in p.runs if run.bold]
    assert bold == ["bold"]
    # Each numbered list starts again at 1: its own numbering, restarted.
    lists = [num_id for style, num_id, _ in paragraph_numbering(response.content) if style == "ListNumber"]
    assert lists[0] == lists[1] and lists[2] == lists[3] and lists[0] != lists[2]
    instances = numbering_instances(response.content)
    assert instances[lists[0]][1] == instances[lists[2]][1] == 1


def pdf_text(content):
    pdf = pypdfium2.PdfDocument(content)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def test_pdf_download_prints_any_branch_name(client, motion_page):
    response = client.get("/motion/download/", {"name": BRANCH, "format": "pdf"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith("-cymru-%C5%B5-branch-motion.pdf")
    text = " ".join(pdf_text(response.content).split())
    assert f"Model motion for {BRANCH}" in text
    assert f"{BRANCH} notes that the Tories must go." in text
    assert f"1. {BRANCH} believes in bold action." in text
    assert "2. Second point." in text and "1. To act." in text and "• A bullet point." in text
    assert "[branch]" not in text


def test_files_without_a_name_say_this_branch(client, motion_page):
    word = client.get("/motion/download/", {"format": "docx"})
    assert 'filename="model-motion.docx"' in word["Content-Disposition"]
    texts = [p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs]
    assert texts[0] == "Model motion" and "This branch notes that the Tories must go." in texts

    pdf = client.get("/motion/download/", {"format": "pdf"})
    assert "This branch resolves:" in pdf_text(pdf.content)


def test_an_unknown_format_is_a_clear_400(client, motion_page):
    response = client.get("/motion/download/", {"name": "Leeds", "format": "exe"})
    assert response.status_code == 400
    assert b"Word (docx), PDF (pdf) or text (txt)" in response.content


def test_one_form_offers_the_three_formats_without_javascript(client, motion_page):
    html = client.get("/motion/").content.decode()
    form = html[html.index('class="motion-download"') : html.index("</form>", html.index('class="motion-download"'))]
    assert 'method="get"' in html[html.rindex("<form", 0, html.index('class="motion-download"')) :]
    for value in ("docx", "pdf", "txt"):
        assert f'<button type="submit" name="format" value="{value}">' in form


@pytest.mark.parametrize("format", ["docx", "pdf", "txt"])
def test_unprintable_characters_in_the_name_never_break_a_download(client, motion_page, format):
    """U+FFFE, U+FFFF and control characters are refused by XML (inside a .docx): they become spaces."""
    response = client.get("/motion/download/", {"name": "Leeds\ufffe\uffff\x0b Central", "format": format})
    assert response.status_code == 200
    assert "leeds-central-motion" in response["Content-Disposition"]


@pytest.fixture
def imprinted(site_settings):
    site_settings.imprint_promoted_by = "A. Organiser"
    site_settings.imprint_on_behalf_of = "Łódź Campaign"
    site_settings.imprint_address = "1 Example Street, Anytown AB1 2CD"
    site_settings.save()
    return site_settings.imprint()


def test_every_file_carries_the_sites_imprint(client, motion_page, imprinted):
    """Campaign material: the Word file's page footer, the foot of every PDF page, the text file's last line."""
    assert imprinted == "Promoted by A. Organiser on behalf of Łódź Campaign, 1 Example Street, Anytown AB1 2CD."

    word = docx.Document(io.BytesIO(client.get("/motion/download/", {"format": "docx"}).content))
    assert word.sections[0].footer.paragraphs[0].text == imprinted
    assert imprinted not in [p.text for p in word.paragraphs]  # in the footer, not the motion a branch adopts

    pdf = " ".join(pdf_text(client.get("/motion/download/", {"format": "pdf"}).content).split())
    assert pdf.endswith(imprinted)

    text = client.get("/motion/download/", {"format": "txt"}).content.decode()
    assert text.rstrip().endswith(imprinted)


def test_without_an_imprint_set_the_files_carry_none(client, motion_page, site_settings):
    word = docx.Document(io.BytesIO(client.get("/motion/download/", {"format": "docx"}).content))
    assert word.sections[0].footer.paragraphs[0].text == ""
    assert "Promoted by" not in pdf_text(client.get("/motion/download/", {"format": "pdf"}).content)
