"""Factories for the motion page, speaker requests and motion reports."""

import datetime

import factory
import wagtail_factories

from campaign.motion.models import MotionPage, MotionReport, SpeakerRequest


class MotionPageFactory(wagtail_factories.PageFactory):
    title = "Model motion"
    slug = "motion"
    motion = "<p>[branch] notes that the Tories must go.</p><ol><li>[branch] resolves to act.</li></ol>"

    class Meta:
        model = MotionPage


class SpeakerRequestFactory(factory.django.DjangoModelFactory):
    organisation = "Unite"
    branch = "Sheffield Central"
    contact_name = "Tom Mann"
    email = "tom@example.org"
    proposed_dates = "Any Tuesday in May"
    format = SpeakerRequest.Format.ONLINE

    class Meta:
        model = SpeakerRequest


class MotionReportFactory(factory.django.DjangoModelFactory):
    body_name = factory.Sequence(lambda n: f"Branch {n}")
    body_type = "union"
    union_other = "GMB"
    region = "yorkshire"
    status = MotionReport.Status.PASSED
    meeting_date = factory.LazyFunction(datetime.date.today)
    reporter_role = "Branch Secretary"
    email = "secretary@example.org"

    class Meta:
        model = MotionReport
