"""The speaker invitation's thank-you page repeats the invitation to its sender only (core.receipts)."""

import pytest
from django.test import Client

from campaign.motion.models import SpeakerRequest
from core.receipts import COOKIE
from tests.html import visible_text
from tests.motion.test_speakers import invitation

pytestmark = pytest.mark.django_db

THANKS = "/motion/invited/"


def test_the_thank_you_page_repeats_the_invitation(client, motion_page):  # noqa: F811
    response = client.post("/motion/", invitation(notes="Step-free <access>."), follow=True)

    request = SpeakerRequest.objects.get()
    assert response.redirect_chain == [(THANKS, 302)]
    html = response.content.decode()
    text = visible_text(html)
    assert f"Reference {request.pk}" in text
    assert "Who is inviting Unite, Sheffield Central" in text
    assert "When Tuesday 12 May, 7pm" in text
    assert "In person or online In person: Trades Hall, Sheffield" in text
    assert "Expected audience 30" in text
    assert "Contact Tom Mann, tom@example.org, 07700 900456" in text
    assert "Step-free &lt;access&gt;." in html
    assert "no-store" in response["Cache-Control"]


def test_no_one_else_sees_the_invitation(client, motion_page):  # noqa: F811
    response = client.post("/motion/", invitation())

    assert response.cookies[COOKIE]["path"] == THANKS
    stranger = visible_text(Client().get(THANKS).content.decode())
    assert "Invitation received" in stranger and "Tom Mann" not in stranger
