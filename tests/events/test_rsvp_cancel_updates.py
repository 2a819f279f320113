"""Cancelling an RSVP takes the consent to updates given with it, unless the person chooses to keep them.

Before, a cancelled RSVP left its confirmed consent behind and updates kept going.
"""

import re
from urllib.parse import unquote

import pytest
from django.core import mail

from core.subscriptions import consent, wording
from core.subscriptions.models import Consent, Subscriber
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

ADA = "ada@example.org"


@pytest.fixture
def meeting(home_page, site_settings):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=index, title="Branch meeting", slug="branch-meeting", takes_rsvps=True)


def emailed_link(path_word):
    """The path of the first emailed link to `path_word`, whichever email carried it."""
    found = (re.search(rf"http://testserver(\S*/{path_word}/\?token=\S+)", m.body) for m in mail.outbox)
    return next(match for match in found if match).group(1)


def press_button(client, link):
    """Open an emailed link and press its button (the token travels in the form)."""
    return client.post(link, {"token": unquote(link.split("token=")[1])})


def come_with_updates(client, event):
    """Say you are coming, ticking updates, and say yes from the emailed link: the address receives updates."""
    client.post(event.url + "rsvp/", {"name": "Ada", "email": ADA, "updates": "on", "website": ""})
    press_button(client, emailed_link("confirm-updates"))
    assert Subscriber.objects.receiving().filter(email=ADA).exists()
    return emailed_link("rsvp/cancel")


def test_cancelling_removes_the_consent_given_with_the_rsvp(client, meeting):
    cancel = come_with_updates(client, meeting)
    ask = client.get(cancel).content.decode()
    assert "checked" not in re.search(r'<input type="checkbox" name="keep_updates"[^>]*>', ask).group(0)

    done = press_button(client, cancel).content.decode()

    assert "You are no longer on the list" in done
    assert "We send no campaign updates to your email address" in done
    assert not Consent.objects.exists() and not Subscriber.objects.exists()


def test_choosing_to_keep_updates_keeps_them_and_the_page_says_so(client, meeting):
    cancel = come_with_updates(client, meeting)

    done = client.post(cancel, {"token": unquote(cancel.split("token=")[1]), "keep_updates": "yes"}).content.decode()

    assert "As you asked, we keep your email address" in done and "the RSVP form for “Branch meeting”" in done
    assert Subscriber.objects.receiving().filter(email=ADA).exists()


def test_a_consent_given_elsewhere_survives_the_cancellation(client, meeting):
    cancel = come_with_updates(client, meeting)
    other = consent.record_unconfirmed(ADA, "the “Get involved” form", wording.CURRENT, "http://testserver/")
    consent.confirm(other)

    done = press_button(client, cancel).content.decode()

    assert list(Consent.objects.all()) == [other]
    assert "We still keep your email address" in done and "the “Get involved” form" in done
