"""A constituency's page: its count, the public names there, the bodies that passed the motion, its events."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from campaign.constituencies import views
from campaign.events.models import EventPage
from campaign.motion.models import MotionReport
from statements.models import Signature
from statements.views import position_of
from tests.events.factories import EventIndexPageFactory, EventPageFactory, in_days
from tests.html import visible_text
from tests.motion.factories import MotionReportFactory, VerifiedReportFactory
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db

LEEDS = "/where-people-signed/E14001316/"


def event_in(index, constituency, **fields):
    event = EventPageFactory(parent=index, **fields)
    EventPage.objects.filter(pk=event.pk).update(constituency=constituency)  # as the postcode lookup sets it
    return event


def test_the_count_names_bodies_and_events_of_one_constituency(client, where_page, statement_page, leeds, cardiff):
    now = timezone.now()
    SignatureFactory(page=statement_page, constituency=leeds.code, name="Older Leeds", confirmed_at=now - timedelta(1))
    SignatureFactory(page=statement_page, constituency=leeds.code, name="Newer Leeds", confirmed_at=now)
    SignatureFactory(
        page=statement_page, constituency=leeds.code, organisation_kind=True, name="Ann", organisation="Leeds TUC"
    )
    SignatureFactory(page=statement_page, constituency=leeds.code, name="Shy Leeds", show_publicly=False)
    SignatureFactory(page=statement_page, constituency=leeds.code, name="Pending Leeds", unconfirmed=True)
    SignatureFactory(page=statement_page, constituency=cardiff.code, name="Cardiff Person")
    VerifiedReportFactory(body_name="Leeds Unite branch", constituency=leeds.code)
    VerifiedReportFactory(body_name="Leeds CLP", constituency=leeds.code, status=MotionReport.Status.AMENDED)
    VerifiedReportFactory(body_name="Leeds GMB", constituency=leeds.code, status=MotionReport.Status.DEFEATED)
    MotionReportFactory(body_name="Leeds Unverified", constituency=leeds.code)
    VerifiedReportFactory(body_name="Cardiff branch", constituency=cardiff.code)
    index = EventIndexPageFactory(parent=where_page.get_parent())
    event_in(index, leeds.code, title="Leeds street stall", start=in_days(3), end=in_days(3, 2))
    event_in(index, leeds.code, title="Leeds meeting last month", start=in_days(-30), end=in_days(-30, 2))
    event_in(index, cardiff.code, title="Cardiff meeting")
    unpublished = event_in(index, leeds.code, title="Leeds draft")
    unpublished.unpublish()

    response = client.get(LEEDS)
    text = visible_text(response)

    assert response.status_code == 200
    assert "Leeds Central and Headingley" in text and "A constituency in Yorkshire and the Humber" in text
    assert "4 people and organisations have signed here" in text  # the kept counter: confirmed, shown or not
    assert text.index("Leeds TUC") < text.index("Newer Leeds") < text.index("Older Leeds")
    for absent in ("Shy Leeds", "Pending Leeds", "Cardiff Person", "Leeds GMB", "Leeds Unverified", "Cardiff"):
        assert absent not in text
    assert "Leeds Unite branch (GMB): passed" in text
    assert "Leeds CLP (GMB): passed with amendments" in text
    assert "Leeds street stall" in text
    assert "Leeds meeting last month" not in text and "Leeds draft" not in text
    assert f'href="{statement_page.url}#sign"' in response.content.decode()


def test_a_constituency_with_nothing_yet_invites_the_first(client, where_page, cardiff):
    text = visible_text(client.get("/where-people-signed/W07000090/"))
    assert "No one here has signed yet: be the first" in text
    assert "No body here has reported passing the model motion yet." in text
    assert "No events are planned here yet." in text


@pytest.mark.parametrize("code", ["E14009999", "e14001316", "E1400131", "XYZ", "E14001316x"])
def test_a_code_that_is_no_constituency_is_not_found(client, where_page, leeds, code):
    assert client.get(f"/where-people-signed/{code}/").status_code == 404


def test_names_are_paged_by_position_not_offset(client, where_page, statement_page, leeds, monkeypatch):
    monkeypatch.setattr("statements.views.SIGNATORIES_PER_PAGE", 2)
    now = timezone.now()
    for number in range(5):
        SignatureFactory(
            page=statement_page, constituency=leeds.code, name=f"Leeds {number}", confirmed_at=now - timedelta(number)
        )
    first = client.get(LEEDS)
    assert "Leeds 0" in visible_text(first) and "Leeds 2" not in visible_text(first)
    second_row = Signature.objects.get(name="Leeds 1")
    assert f"?before={position_of(second_row)}" in first.content.decode()

    page = client.get(LEEDS, {"before": position_of(second_row)})
    assert "Leeds 2" in visible_text(page) and "Leeds 3" in visible_text(page) and "Leeds 1" not in visible_text(page)
    assert "Newer signatures" in visible_text(page)
    assert client.get(LEEDS, {"before": "not-a-position"}).status_code == 200


def test_events_are_few_and_soonest_first(client, where_page, leeds, monkeypatch):
    monkeypatch.setattr(views, "EVENTS_SHOWN", 2)
    index = EventIndexPageFactory(parent=where_page.get_parent())
    for days in (9, 2, 5):
        event_in(index, leeds.code, title=f"In {days} days", start=in_days(days), end=in_days(days, 2))
    text = visible_text(client.get(LEEDS))
    assert text.index("In 2 days") < text.index("In 5 days")
    assert "In 9 days" not in text


def test_a_private_statement_chosen_by_an_editor_never_shows_here(client, where_page, statement_page, leeds):
    """These pages are open and cached for everyone: a statement behind a password falls back to a public one."""
    SignatureFactory(page=statement_page, name="Hidden Signer", constituency=leeds.code)
    where_page.statement = statement_page
    where_page.save()
    PageViewRestriction.objects.create(page=statement_page, restriction_type="password", password="secret")

    text = visible_text(client.get(LEEDS))
    assert "Hidden Signer" not in text
