"""The motion models' words that reach visitors, in Welsh (#29): the tracker's stages, results and outcomes, and
the prefilled answer to a speaker request made in Welsh."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import translation

from campaign.motion.models import MotionReport, PathwayStep, SpeakerRequest
from campaign.motion.pathway_views import conference_board
from tests.motion.factories import PathwayStepFactory, SpeakerRequestFactory, VerifiedReportFactory

pytestmark = pytest.mark.django_db


def test_the_trackers_stages_results_and_outcomes_are_welsh_on_welsh_pages():
    step = PathwayStep(stage=PathwayStep.Stage.RULED_OUT, result=PathwayStep.Result.CARRIED)
    report = MotionReport(status=MotionReport.Status.AMENDED)
    with translation.override("cy"):
        shown = (step.get_stage_display(), step.get_result_display(), report.get_status_display())
    assert shown == ("Dyfarnwyd allan o drefn", "Pasiwyd", "Wedi’i basio gyda gwelliannau")
    assert (step.get_stage_display(), report.get_status_display()) == ("Ruled out of order", "Passed with amendments")


def test_a_conference_board_in_welsh_names_the_stage_in_welsh(motion_page, conference):
    PathwayStepFactory(conference=conference, report=VerifiedReportFactory(body_name="Leeds Central CLP"))
    request = RequestFactory().get("/motion/")
    with translation.override("cy"):
        board = conference_board(request, motion_page, conference.slug).render().content.decode()
    assert "Leeds Central CLP" in board and "Cyflwynwyd" in board and ">Submitted<" not in board


def test_a_speaker_request_made_in_welsh_is_answered_in_welsh_and_one_in_english_as_before():
    with translation.override("cy"):
        welsh = SpeakerRequestFactory(speaker="Mary Macarthur", speaker_date=datetime.date(2027, 5, 4))
    english = SpeakerRequestFactory(speaker="Mary Macarthur", speaker_date=datetime.date(2027, 5, 4))
    assert welsh.status_message(SpeakerRequest.Status.ARRANGED) == (
        "Newyddion da: bydd Mary Macarthur yn siarad yn eich cyfarfod ar 4 Mai 2027. "
        "Byddwn yn cysylltu â chi am y manylion."
    )
    assert english.status_message(SpeakerRequest.Status.ARRANGED) == (
        "Good news: Mary Macarthur will speak at your meeting on 4 May 2027. We will be in touch about the details."
    )
