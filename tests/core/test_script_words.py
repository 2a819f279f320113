"""The words the stall's and the copy buttons' scripts show come from the page, in its language (#29).

static/js/stall.js says everything (the count kept on the device, why nothing
was sent, its form's checks) from the stall's data-say-* attributes, filling
in {n} and {reason}; copy-text.js says "Copied." from its status line.
"""

import html
import re
from urllib.parse import urlencode

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.stalls.factories import StallFactory, hours_of_todays_event

pytestmark = pytest.mark.django_db


def attribute(page, name):
    found = re.search(rf'\s{name}="([^"]*)"', page)
    assert found, f"no {name} on the page"
    return html.unescape(found.group(1))


@pytest.fixture
def stall(home_page, statement_page):
    start, end = hours_of_todays_event()
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), start=start, end=end)
    return StallFactory(event=event, statement=statement_page)


def stall_page(client, stall, prefix=""):
    client.get(f"{prefix}/stall/?" + urlencode({"key": stall.key}))  # the device opens the stall's link first
    return client.get(f"{prefix}/stall/?" + urlencode({"stall": stall.pk})).content.decode()


def test_the_welsh_stall_page_gives_its_script_welsh_words(client, stall):
    page = stall_page(client, stall, "/cy")
    assert '<html lang="cy">' in page
    assert attribute(page, "data-say-kept-one") == "Mae {n} llofnod yn cael ei gadw ar y ddyfais hon."
    assert attribute(page, "data-say-kept-other") == "Mae {n} o lofnodion yn cael eu cadw ar y ddyfais hon."
    assert attribute(page, "data-say-later") == "Bydd y cyfan yn cael ei anfon pan fydd signal."
    assert attribute(page, "data-say-not-sent") == "Ni chafodd dim ei anfon: {reason}"
    assert attribute(page, "data-say-refused").startswith("Nid oedd modd cofnodi {n}")
    assert attribute(page, "data-say-no-storage").startswith("Ni all y ddyfais hon gadw llofnodion all-lein")
    assert attribute(page, "data-say-need-email").startswith("Rhowch gyfeiriad e-bost")
    assert attribute(page, "data-say-need-name").startswith("Rhowch eich enw")


def test_the_english_stall_page_gives_it_english(client, stall):
    page = stall_page(client, stall)
    assert attribute(page, "data-say-kept-one") == "{n} signature is kept on this device."
    assert attribute(page, "data-say-kept-other") == "{n} signatures are kept on this device."
    assert attribute(page, "data-say-not-sent") == "They were not sent: {reason}"
    assert attribute(page, "data-say-link-gone") == "this stall link no longer signs."
    assert attribute(page, "data-say-need-name") == "Please give your name."


@pytest.mark.parametrize(
    ("language", "copied", "failed"),
    [("cy", "Wedi’i gopïo.", "Mae’n ddrwg gennym, ni wnaeth eich porwr"), ("en-gb", "Copied.", "Sorry, your browser")],
)
def test_the_copy_buttons_status_words_follow_the_page(language, copied, failed):
    with translation.override(language):
        page = render_to_string("events/includes/calendar_subscribe.html", {"page": {"feed_url": "/events/feed.ics"}})
    assert attribute(page, "data-copied") == copied
    assert attribute(page, "data-copy-failed").startswith(failed)


def test_check_your_inbox_has_one_welsh_wording_on_every_page(client, home_page):
    """Five pages' headings say it (statements, events, hosts, motion, subscriptions), with an entry in
    several apps' catalogues: the shared catalogue's wording (LOCALE_PATHS comes first) is the one shown."""
    with translation.override("cy"):
        assert translation.gettext("Check your inbox") == "Gwiriwch eich mewnflwch"
    page = client.post("/cy/host/new-link/", {"email": "nobody@example.org"}).content.decode()
    assert "<h1>Gwiriwch eich mewnflwch</h1>" in page  # the hosts' own catalogue words it otherwise
