"""Fixtures the motion app's tests share: its page under the home page, and a conference."""

import pytest

from tests.motion.factories import ConferenceFactory, MotionPageFactory


@pytest.fixture
def motion_page(home_page, site_settings):
    return MotionPageFactory(parent=home_page)


@pytest.fixture
def conference(db):
    return ConferenceFactory(name="Labour Party Conference 2027")
