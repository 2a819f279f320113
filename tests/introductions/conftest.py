"""Fixtures the introductions' tests share: Leeds Central in the lookup, and running the hourly job."""

import pytest
from django.core import mail

from campaign.introductions.tasks import introduce_signers
from tests.introductions.factories import PlaceFactory
from tests.motion.factories import MotionPageFactory


@pytest.fixture
def motion_page(home_page, site_settings):
    return MotionPageFactory(parent=home_page)


@pytest.fixture
def leeds(db):
    return PlaceFactory(code="E14001234", name="Leeds Central and Headingley", region="yorkshire")


@pytest.fixture
def introduce(django_capture_on_commit_callbacks):
    """Run the scheduled job as the worker would, sending its emails (tests never commit); returns how many."""

    def run():
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            return introduce_signers.call()

    return run
