"""Factories for the motion page, speaker requests, motion reports and the conference pathway."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from campaign.motion.models import (
    AffiliatedBody,
    Conference,
    DelegatePledge,
    MotionPage,
    MotionReport,
    PathwayStep,
    SpeakerRequest,
)


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


def days(number):
    """A date `number` days from today in London (as the site counts days)."""
    return timezone.localdate() + datetime.timedelta(days=number)


class ConferenceFactory(factory.django.DjangoModelFactory):
    """A Labour conference a month and a half away, taking motions from CLPs and union branches by 14 days from now."""

    name = factory.Sequence(lambda n: f"Labour Party Conference {2027 + n}")
    body = Conference.Body.LABOUR_PARTY
    place = "Liverpool"
    starts_on = factory.LazyFunction(lambda: days(45))
    ends_on = factory.LazyFunction(lambda: days(48))
    motions_deadline = factory.LazyFunction(lambda: days(14))
    amendments_deadline = factory.LazyFunction(lambda: days(30))
    takes_from_clps = True
    takes_from_union_branches = True

    class Meta:
        model = Conference


class AffiliatedBodyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Union {n}")
    affiliated_membership = 10_000
    source = "Annual report, page 12"

    class Meta:
        model = AffiliatedBody


class VerifiedReportFactory(MotionReportFactory):
    """A report of a passed motion, confirmed by its reporter and verified: on the public list."""

    email_confirmed_at = factory.LazyFunction(timezone.now)
    verified_at = factory.LazyFunction(timezone.now)
    verification = "phone"


class PathwayStepFactory(factory.django.DjangoModelFactory):
    """A verified submission to a conference, a week ago."""

    report = factory.SubFactory(VerifiedReportFactory)
    conference = factory.SubFactory(ConferenceFactory)
    stage = PathwayStep.Stage.SUBMITTED
    happened_on = factory.LazyFunction(lambda: days(-7))
    reporter_role = "Secretary"
    submitted_by = factory.LazyAttribute(lambda step: "Leeds Central CLP" if step.stage == "submitted" else "")
    email = "secretary@example.org"
    email_confirmed_at = factory.LazyFunction(timezone.now)
    verified_at = factory.LazyFunction(timezone.now)
    verification = "phone"

    class Meta:
        model = PathwayStep


class DelegatePledgeFactory(factory.django.DjangoModelFactory):
    """A verified pledge by a delegate who asked for notices."""

    conference = factory.SubFactory(ConferenceFactory)
    delegate_name = factory.Sequence(lambda n: f"Delegate {n}")
    body = factory.SubFactory(AffiliatedBodyFactory)
    email = factory.Sequence(lambda n: f"delegate{n}@example.org")
    notices = True
    email_confirmed_at = factory.LazyFunction(timezone.now)
    verified_at = factory.LazyFunction(timezone.now)
    verification = "phone"

    class Meta:
        model = DelegatePledge
