"""A motion reporter can see their reports on their "your data" page and withdraw them with everything else.

Before, the report emails had no link to that page, it did not list motion
reports, and withdrawing entirely left them (with the email and role) behind.
"""

import re

import pytest
from django.core import mail

from campaign.motion.models import MotionReport
from tests.motion.test_tracker import report_and_confirm, report_data
from tests.statements.visitor import path_of

pytestmark = pytest.mark.django_db


def open_your_data(client, message):
    """The page the email's "what we hold about you" link opens, and the token its buttons carry."""
    link = path_of(re.search(r"https?://\S+/your-data/\?token=\S+", message.body).group(0))
    page = client.get(link).content.decode()
    return page, re.search(r'name="token" value="([^"]+)"', page).group(1)


def test_the_report_email_leads_to_a_page_that_lists_the_report_and_withdraws_it(client, motion_page):
    client.post("/motion/report/", report_data(body_name="Kirklees branch", email="sec@example.org"))
    page, token = open_your_data(client, mail.outbox[-1])
    assert "Your report on the motion at “Kirklees branch”" in page and "Branch Secretary" in page

    client.post("/your-data/", {"token": token, "action": "erase"})

    assert not MotionReport.objects.exists()


def test_withdrawing_leaves_other_reporters_reports(client, motion_page):
    report_and_confirm(client, email="other@example.org", body_name="Bradford branch")
    client.post("/motion/report/", report_data(email="sec@example.org"))
    _, token = open_your_data(client, mail.outbox[-1])

    client.post("/your-data/", {"token": token, "action": "erase"})

    assert list(MotionReport.objects.values_list("body_name", flat=True)) == ["Bradford branch"]
