"""An update's audience by constituency (issue #26): organisers email the signers of the constituencies they tick."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaign.news import sending
from campaign.news.models import UpdateSend
from core.places.models import Constituency
from tests.news.factories import UpdateIndexPageFactory, UpdatePageFactory
from tests.news.test_sends import compose_url, send_confirmed, subscribe
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db

LEEDS, CARDIFF, HULL = "E14001331", "W07000099", "E14001290"


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


@pytest.fixture
def update(home_page, site_settings):
    page = UpdatePageFactory(parent=UpdateIndexPageFactory(parent=home_page), title="Meeting in your constituency")
    page.save_revision().publish()
    return page


@pytest.fixture
def signers():
    """Subscribers who signed in Leeds Central and Cardiff East; one in Hull never confirmed; one gave no postcode."""
    Constituency.objects.create(code=LEEDS, name="Leeds Central and Headingley", region="yorkshire")
    Constituency.objects.create(code=CARDIFF, name="Cardiff East", region="wales")
    Constituency.objects.create(code=HULL, name="Hull East", region="yorkshire")
    statement = SignatureFactory(email="leeds@example.org", constituency=LEEDS).page
    SignatureFactory(page=statement, email="cardiff@example.org", constituency=CARDIFF)
    SignatureFactory(page=statement, email="hull@example.org", constituency=HULL, unconfirmed=True)
    SignatureFactory(page=statement, email="nowhere@example.org")
    subscribe("leeds@example.org", "cardiff@example.org", "hull@example.org", "nowhere@example.org")
    return statement


def offered(html):
    return re.findall(r'name="constituencies" value="(\w+)"', html)


def test_only_constituencies_with_confirmed_signatures_are_offered_by_name(organiser_client, update, signers):
    html = organiser_client.get(compose_url(update)).content.decode()
    assert "Only these constituencies" in html
    assert offered(html) == [CARDIFF, LEEDS]  # by name; Hull's only signature is unconfirmed
    assert "Cardiff East" in html and "Hull East" not in html


def test_a_constituency_counts_and_sends_to_its_signers_only(organiser_client, update, signers):
    html = organiser_client.get(compose_url(update), {"constituencies": [LEEDS]}).content.decode()
    assert re.search(
        r"<strong>1</strong> subscriber: everyone in the constituency of Leeds Central and Headingley who asked", html
    )
    assert f'<input type="hidden" name="constituencies" value="{LEEDS}">' in html

    html = organiser_client.get(compose_url(update), {"constituencies": [LEEDS, CARDIFF]}).content.decode()
    assert re.search(r"<strong>2</strong> subscribers: everyone in the constituencies of", html)

    send_confirmed(organiser_client, update, constituencies=[CARDIFF])
    assert [m.to for m in mail.outbox] == [["cardiff@example.org"]]
    assert UpdateSend.objects.get().audience == {"constituencies": [CARDIFF]}


def test_constituency_narrows_a_region_too(organiser_client, update, signers):
    """Choices add up: Wales and Leeds together is nobody, and nothing can be sent."""
    html = organiser_client.get(compose_url(update), {"constituencies": [LEEDS], "regions": ["wales"]}).content.decode()
    assert re.search(r"<strong>0</strong> subscribers", html) and "Send to" not in html


def test_a_constituency_no_longer_offered_never_becomes_everyone(organiser_client, update, signers):
    """A forged or stale code: the screen says so and nothing is sent, rather than emailing every subscriber."""
    for action in ("send", "confirm"):
        response = organiser_client.post(
            compose_url(update), {"constituencies": [HULL], "action": action, "recipients": "4"}
        )
        html = response.content.decode()
        assert response.status_code == 200 and "is not one of the available choices" in html
        assert "a choice is no longer offered" in html
    assert not UpdateSend.objects.exists() and mail.outbox == []


def test_the_choices_cost_the_same_queries_however_many_constituencies(organiser_client, update, signers):
    """Offered from the kept counts: one grouped query and one for the names, not one per place or signature."""
    organiser_client.get(compose_url(update))  # the first visit fills what the admin keeps per session and process
    with CaptureQueriesContext(connection) as few:
        organiser_client.get(compose_url(update))
    for n in range(20):
        code = f"E1409{n:04d}"
        Constituency.objects.create(code=code, name=f"Place {n}")
        SignatureFactory(page=signers, constituency=code)
    with CaptureQueriesContext(connection) as many:
        html = organiser_client.get(compose_url(update)).content.decode()
    assert len(offered(html)) == 22
    assert len(many) == len(few)


def test_queuing_to_a_constituency_costs_the_same_queries_for_two_or_forty_recipients(update, signers):
    """The worker's narrowing is one subquery on the addresses, never a list of people read into Python."""

    def queries_to_prepare():
        send = UpdateSend.objects.create(page=update, audience={"constituencies": [LEEDS]})
        with CaptureQueriesContext(connection) as queries:
            sending.prepare(send)
        UpdateSend.objects.filter(pk=send.pk).delete()
        return len(queries), send.total

    few, total = queries_to_prepare()
    assert total == 1
    for n in range(40):
        SignatureFactory(page=signers, email=f"leeds{n}@example.org", constituency=LEEDS)
        subscribe(f"leeds{n}@example.org")
    many, total = queries_to_prepare()
    assert total == 41 and many == few
