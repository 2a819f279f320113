""" "Check your inbox" says what happened: an email went now, or one went a few minutes ago and nothing more did."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from statements.models import Signature
from statements.signing import RESEND_INTERVAL
from tests.html import visible_text
from tests.statements.visitor import sign

pytestmark = pytest.mark.django_db


def local_time(moment):
    return timezone.localtime(moment).strftime("%H:%M")


def test_a_first_signing_says_an_email_was_sent(client, statement_page, site_settings):
    response = sign(client, statement_page)

    assert response["Location"].startswith("/statement/sign/done/?signature=")
    assert "We have sent you an email" in visible_text(client.get(response["Location"]))


def test_signing_again_within_ten_minutes_says_nothing_new_was_sent_and_when_to_ask_again(
    client, statement_page, site_settings
):
    sign(client, statement_page)
    first_email_at = Signature.objects.get().created_at

    response = sign(client, statement_page)

    assert len(mail.outbox) == 1
    location = response["Location"]
    assert location.startswith("/statement/sign/done/?sent=0&after=")
    assert "rosa" not in location.lower()  # nothing personal in the address
    text = visible_text(client.get(location))
    assert "We have sent you an email" not in text
    expected = local_time(first_email_at + timedelta(seconds=RESEND_INTERVAL))
    assert (
        "We sent you an email a few minutes ago: check your inbox and spam folder; "
        f"you can ask for another after {expected}." in text
    )


def test_after_a_repeat_email_the_next_wait_counts_from_that_email(client, statement_page, site_settings):
    sign(client, statement_page)
    Signature.objects.update(created_at=timezone.now() - timedelta(seconds=RESEND_INTERVAL + 1))
    before = timezone.now()
    assert sign(client, statement_page)["Location"].startswith("/statement/sign/done/?signature=")  # it went
    after = timezone.now()
    assert len(mail.outbox) == 2

    location = sign(client, statement_page)["Location"]

    assert len(mail.outbox) == 2
    text = visible_text(client.get(location))
    wait = timedelta(seconds=RESEND_INTERVAL)
    assert any(f"ask for another after {local_time(moment + wait)}." in text for moment in (before, after))


@pytest.mark.parametrize("after", ["", "soon", "99999999999999999999", "0", str(10**10)])
def test_an_odd_time_in_the_address_is_left_out_not_an_error(client, statement_page, site_settings, after):
    response = client.get("/statement/sign/done/", {"sent": "0", "after": after})

    assert response.status_code == 200
    assert "you can ask for another ten minutes after it" in visible_text(response)
