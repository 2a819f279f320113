"""The paper sheet's "updates" box asks in the sheet's language, in the words of the current version (#29)."""

import pytest
from django.utils import translation

from campaign.handin.sheet import columns
from core.subscriptions.wording import CURRENT, text_of

pytestmark = pytest.mark.django_db


def updates_hint():
    return next(column.hint for column in columns() if column.heading == "updates")


def test_a_welsh_sheet_asks_for_updates_in_the_versions_welsh_and_an_english_one_in_its_english():
    with translation.override("cy"):
        welsh = updates_hint()
    assert welsh == f"{text_of(CURRENT, 'cy')}: ticiwch" and welsh.startswith("Anfonwch ddiweddariadau’r ymgyrch")
    assert updates_hint() == f"{text_of(CURRENT, 'en-gb')}: tick"
