"""A composited step names the other bodies: those on the public list of passed motions are matched to their
reports (the board names each once), other names stay as typed."""

import pytest

from campaign.motion.models import PathwayStep
from campaign.motion.pathway_forms import StepForm
from tests.motion.factories import ConferenceFactory, PathwayStepFactory, VerifiedReportFactory
from tests.motion.test_pathway_steps import report_and_confirm, step_data

pytestmark = pytest.mark.django_db


def test_composited_with_links_the_bodies_on_our_list(client, motion_page):
    conference = ConferenceFactory()
    ours = VerifiedReportFactory(body_name="Leeds Central branch")
    hull = VerifiedReportFactory(body_name="Hull West CLP")
    VerifiedReportFactory(body_name="Unverified CLP", verified_at=None)
    PathwayStepFactory(report=ours, conference=conference)  # submitted, verified
    report_and_confirm(
        client,
        ours,
        conference,
        stage="composited",
        composite_name="Composite 4",
        composited_with="hull  west clp, Unverified CLP, Leeds East CLP",
        submitted_by="",
    )
    step = PathwayStep.objects.get(stage="composited")
    assert list(step.composited_with_reports.all()) == [hull]
    assert step.composited_with == "Unverified CLP, Leeds East CLP"


def test_a_body_is_not_composited_with_itself(client, motion_page):
    conference = ConferenceFactory()
    ours = VerifiedReportFactory(body_name="Leeds Central branch")
    data = step_data(ours, conference, stage="composited", composite_name="Composite 1")
    data["composited_with"] = "Leeds Central branch"
    form = StepForm(data)
    form.is_valid()
    assert list(form.linked_reports()) == []
