"""The campaign dashboard on the admin home, as an organiser and as a plain editor see it."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign.materials.models import PrintOrder
from tests.events.factories import EventSubmissionFactory
from tests.html import visible_text
from tests.materials.factories import PrintOrderFactory
from tests.motion.factories import SpeakerRequestFactory
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_organisers_see_how_signing_goes(client, organiser, statement_page):
    now = timezone.now()
    SignatureFactory.create_batch(2, page=statement_page, confirmed_at=now)
    SignatureFactory(page=statement_page, confirmed_at=now - timedelta(days=3), organisation_kind=True)
    SignatureFactory(page=statement_page, confirmed_at=now - timedelta(days=20))
    SignatureFactory(page=statement_page, unconfirmed=True)

    text = visible_text(dashboard(client, organiser))

    assert "The campaign today" in text
    assert "Today 2" in text
    assert "Last 7 days 3" in text
    assert "In all 4 (3 people, 1 organisations)" in text
    assert "Awaiting confirmation 1" in text
    # The chart's table, for screen readers: every day of the last 30, today last.
    assert f"{timezone.localdate():%A %-d %B} 2" in text


def test_organisers_see_what_waits_for_them_with_links_to_the_new_items(client, organiser, home_page):
    EventSubmissionFactory.create_batch(2)
    PrintOrderFactory()
    PrintOrderFactory(status=PrintOrder.Status.SENT)
    SpeakerRequestFactory()

    html = dashboard(client, organiser)
    text = visible_text(html)

    assert "Submitted activities 2 new" in text
    assert "Print orders 1 new" in text
    assert "Speaker requests 1 new" in text
    assert 'href="/admin/events/eventsubmission/?status__exact=new"' in html
    assert 'href="/admin/materials/printorder/?status__exact=new"' in html
    assert client.get("/admin/materials/printorder/?status__exact=new").status_code == 200


def test_plain_editors_see_no_campaign_figures(client, editor, statement_page):
    SignatureFactory(page=statement_page)
    PrintOrderFactory()

    html = dashboard(client, editor)

    assert "The campaign today" not in html
    assert "Print orders" not in html


def count_dashboard_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    return len(queries)


def test_the_dashboard_costs_the_same_queries_however_many_signatures(client, organiser, statement_page):
    client.force_login(organiser)
    SignatureFactory.create_batch(10, page=statement_page)
    client.get("/admin/")  # a first visit warms what Wagtail caches per process
    with_ten = count_dashboard_queries(client)

    now = timezone.now()
    for days_ago in range(40):
        SignatureFactory.create_batch(5, page=statement_page, confirmed_at=now - timedelta(days=days_ago))

    assert count_dashboard_queries(client) == with_ten
