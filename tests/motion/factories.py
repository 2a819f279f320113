"""Factories for the motion page and speaker requests."""

import factory
import wagtail_factories

from campaign.motion.models import MotionPage, SpeakerRequest


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
