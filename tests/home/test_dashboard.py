"""The campaign dashboard on the admin home, as an organiser and as a plain editor see it."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from campaign.form_pages.models import HandledSubmission
from campaign.hosts.models import HostMessage, PaperReport
from campaign.materials.models import PrintOrder
from statements.models import Signature, SignatureCount
from tests.core.task_queue import email_rows, use_database_queue
from tests.events.factories import EventPageFactory, EventSubmissionFactory
from tests.form_pages.factories import FormPageFactory
from tests.hosts.factories import HostFactory
from tests.html import visible_text
from tests.materials.factories import PrintOrderFactory
from tests.motion.factories import DelegatePledgeFactory, MotionReportFactory, PathwayStepFactory, SpeakerRequestFactory
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import PERSON

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


def test_the_dashboard_costs_the_same_queries_with_ten_signatures_or_a_hundred_thousand(
    client, organiser, statement_page
):
    client.force_login(organiser)
    SignatureFactory.create_batch(10, page=statement_page)
    client.get("/admin/")  # a first visit warms what Wagtail caches per process
    with_ten = count_dashboard_queries(client)

    # 100,000 more real rows, confirmed over the last 40 days, written in bulk (the model's save,
    # which keeps the counter, is skipped), so the counter is given them as signing would have.
    now = timezone.now()
    Signature.objects.bulk_create(
        (
            Signature(page=statement_page, name=f"Bulk {n}", town="Leeds", confirmed_at=now - timedelta(days=n % 40))
            for n in range(100_000)
        ),
        batch_size=5_000,
    )
    SignatureCount.add(statement_page.pk, Signature.Kind.PERSON, 100_000)

    assert count_dashboard_queries(client) == with_ten
    assert "In all 100,010 (100,010 people, 0 organisations)" in visible_text(dashboard(client, organiser))


def test_form_submissions_wait_until_someone_handles_them(client, organiser, home_page):
    organiser.groups.add(Group.objects.get(name="Editors"))
    page = FormPageFactory(parent=home_page)
    first, _ = (FormSubmission.objects.create(page=page, form_data={}) for _ in range(2))
    HandledSubmission.objects.create(submission=first)

    html = dashboard(client, organiser)

    assert "Form submissions 1 new" in visible_text(html)
    assert 'href="/admin/forms/"' in html


def test_organisers_see_held_signatures_reports_to_verify_and_the_email_queue(
    client, organiser, statement_page, site_settings, settings
):
    SignatureFactory(page=statement_page, unconfirmed=True, held_because="network")
    MotionReportFactory(email_confirmed_at=timezone.now())
    use_database_queue(settings)
    client.post(f"{statement_page.url}sign/", {**PERSON, "email": "queued@example.org"})
    email_rows().update(enqueued_at=timezone.now() - timedelta(minutes=10))

    html = dashboard(client, organiser)
    text = visible_text(html)

    assert "Signatures held for review 1 new" in text
    assert "Awaiting confirmation 1" in text  # the signing just made; the held one waits for an organiser
    assert "Motion reports to verify 1 new" in text
    assert 'href="/admin/statements/review/"' in html
    assert "Emails waiting to be sent: 1 (the oldest for 10 minutes)" in text


def test_the_admin_sends_no_staff_address_to_gravatar(client, organiser):
    """Wagtail would fetch each person's picture from Gravatar by a hash of their email address."""
    html = dashboard(client, organiser)

    assert "gravatar" not in html
    assert "default-user-avatar" in html  # Wagtail's own picture, until the person uploads one


def test_organisers_see_conference_steps_pledges_and_hosts_waiting_and_where_to_take_the_motion(
    client, organiser, home_page
):
    event = EventPageFactory(parent=home_page)
    host = HostFactory(event=event)
    HostMessage.objects.create(event=event, host=host, subject="Room changed", body="Now in room 2.")
    HostMessage.objects.create(event=event, host=host, subject="Thanks", body="See you.", status="sent")
    PaperReport.objects.create(event=event, host=host, signatures=25)
    PathwayStepFactory(verified_at=None, verification="")
    DelegatePledgeFactory.create_batch(2, verified_at=None, verification="")
    DelegatePledgeFactory()

    html = dashboard(client, organiser)
    text = visible_text(html)

    assert "Conference steps to verify 1 new" in text
    assert "Delegates' pledges to verify 2 new" in text
    assert "Hosts' messages to approve 1 new" in text
    assert "Paper counts from hosts to import 1 new" in text
    for url in [
        "/admin/motion/pathway/verify/steps/",
        "/admin/motion/pathway/verify/pledges/",
        "/admin/hosts/hostmessage/?status__exact=held",
        "/admin/hosts/paperreport/",
        "/admin/motion/targets/",
    ]:
        assert f'href="{url}"' in html
        assert client.get(url).status_code == 200, url
    assert "Where to take the motion" in text
