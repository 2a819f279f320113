"""The motion app's own words in Welsh (#29): its forms' labels and errors, and the Word file's fixed words.

The editor's motion stays as written (content is translated in Wagtail, not here); what the
site adds to it is in the visitor's language: "for" in the title, "this branch" where no
branch is named, the file's name, and the language Word checks its spelling in.
"""

import datetime
import io

import docx
import pytest
from django.test import RequestFactory
from django.utils import timezone, translation

from campaign.motion.forms import MotionReportForm, ReportAnswerForm
from campaign.motion.models.reports import POSTPONED
from campaign.motion.pathway_views import conference_board
from campaign.motion.views import motion_download
from campaign.motion.views import motion_page as motion_page_view

pytestmark = pytest.mark.django_db


def test_the_report_form_speaks_welsh():
    with translation.override("cy"):
        form = MotionReportForm(data={})
        assert not form.is_valid()
        assert str(form.fields["body_name"].label) == "Enw’r gangen neu’r corff"
        assert str(form.fields["meeting_date"].help_text) == "Er enghraifft 14/05/2027."
        assert form.errors["body_name"] == ["Rhowch enw’r gangen neu’r corff."]
        assert form.errors["status"] == ["Dywedwch beth yw sefyllfa’r cynnig."]
        assert str(form.fields["body_type"].choices[0][1]) == "Dewiswch…"
        # the model's choices, in the motion catalogue: the radios people choose from
        assert [str(label) for _, label in form.fields["status"].choices][:2] == ["Ar agenda cyfarfod", "Wedi’i basio"]


def test_a_date_error_in_welsh_and_the_same_form_in_english():
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    data = {"new_date": yesterday.isoformat()}
    with translation.override("cy"):
        form = ReportAnswerForm(data, answer=POSTPONED)
        assert not form.is_valid()
        assert form.errors["new_date"] == ["Rhowch ddyddiad ar ôl heddiw."]
    with translation.override("en-gb"):
        form = ReportAnswerForm(data, answer=POSTPONED)
        assert not form.is_valid()
        assert form.errors["new_date"] == ["Please give a date after today."]
        assert MotionReportForm().fields["body_name"].label == "Name of the branch or body"


def word_download(page, language, **params):
    request = RequestFactory().get("/motion/download/", {"format": "docx", **params})
    with translation.override(language):
        response = motion_download(request, page)
    assert response.status_code == 200
    return response, docx.Document(io.BytesIO(response.content))


def test_the_word_file_made_in_welsh_has_its_fixed_words_in_welsh(motion_page):
    response, document = word_download(motion_page, "cy", name="Cangen Caerdydd")
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == "Model motion ar gyfer Cangen Caerdydd"  # the page's title is content; "for" is ours
    assert document.core_properties.title == "Model motion ar gyfer Cangen Caerdydd"
    assert document.core_properties.language == "cy-GB"
    assert "cynnig-cangen-caerdydd.docx" in response["Content-Disposition"]

    response, document = word_download(motion_page, "cy")
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert "Y gangen hon notes that the Tories must go." in texts  # the editor's words, our fill-in
    assert "Y gangen hon resolves to act." in texts
    assert not any("This branch" in text or "this branch" in text for text in texts)
    assert "cynnig-enghreifftiol.docx" in response["Content-Disposition"]


def test_the_word_file_in_english_is_as_it_was(motion_page):
    response, document = word_download(motion_page, "en-gb", name="Leeds branch")
    assert document.paragraphs[0].text == "Model motion for Leeds branch"
    assert document.core_properties.language == ""
    assert "leeds-branch-motion.docx" in response["Content-Disposition"]

    response, document = word_download(motion_page, "en-gb")
    assert "This branch notes that the Tories must go." in [paragraph.text for paragraph in document.paragraphs]
    assert "model-motion.docx" in response["Content-Disposition"]


def test_the_motion_page_and_a_conference_board_render_in_welsh(motion_page, conference):
    request = RequestFactory().get("/motion/")
    with translation.override("cy"):
        page = motion_page_view(request, motion_page).render().content.decode()
        board = conference_board(request, motion_page, conference.slug).render().content.decode()
    assert "Lawrlwytho fel Word (.docx)" in page and "Anfon y gwahoddiad" in page
    assert "Download as Word" not in page and "Send the invitation" not in page
    assert "Cyrff a anfonodd y cynnig" in board and "Dyddiadau cau" in board
