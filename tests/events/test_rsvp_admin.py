"""Organisers see who is coming, download it as a formula-safe CSV and mark who came; editors see nothing."""

import pytest
from django.test import Client, RequestFactory
from wagtail.admin.menu import admin_menu

from campaign.events.admin import events_menu
from campaign.events.models import Rsvp
from core.admin import requests_menu
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/events/rsvp/"


@pytest.fixture
def rsvps(home_page, site_settings):
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, title="Branch meeting", takes_rsvps=True)
    return [
        Rsvp.objects.create(event=event, name='=HYPERLINK("https://evil.example")', email="a@example.org"),
        Rsvp.objects.create(event=event, name="Zoë Jones", email="zoe@example.org", phone="07700 900123"),
    ]


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_organisers_see_the_list_and_download_a_safe_csv(organiser, rsvps):
    client = signed_in(organiser)
    html = client.get(LIST_URL).content.decode()
    assert "Zoë Jones" in html and "Branch meeting" in html

    download = client.get(LIST_URL + "?export=csv")
    text = b"".join(download.streaming_content).decode("utf-8")
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert text.startswith("\ufeff")
    assert "'=HYPERLINK" in text and "zoe@example.org" in text and "07700 900123" in text


def test_organisers_mark_who_came_and_nothing_else(organiser, rsvps):
    client = signed_in(organiser)
    rsvp = rsvps[1]
    form = client.get(f"{LIST_URL}edit/{rsvp.pk}/").content.decode()
    assert 'name="attended"' in form and 'name="status"' not in form and 'name="email"' not in form

    client.post(f"{LIST_URL}edit/{rsvp.pk}/", {"attended": "true", "status": "cancelled"})

    rsvp.refresh_from_db()
    assert rsvp.attended is True and rsvp.status == "going"
    assert client.get(f"{LIST_URL}create/").status_code in (302, 403)  # no one adds an RSVP by hand


def test_editors_cannot_see_who_is_coming(editor, rsvps):
    assert signed_in(editor).get(LIST_URL).status_code in (302, 403)


def test_rsvps_live_under_events_not_under_requests(organiser, rsvps):
    request = RequestFactory().get("/admin/")
    request.user = organiser
    under_events = [item.label for item in sorted(events_menu.menu_items_for_request(request), key=lambda i: i.order)]
    under_requests = [item.label for item in requests_menu.menu_items_for_request(request)]

    assert "events" in {item.name for item in admin_menu.menu_items_for_request(request)}
    assert under_events == ["Event pages", "RSVPs", "Hosts", "Hosts' log"]
    assert "RSVPs" not in under_requests


def test_an_events_edit_screen_leads_to_its_own_rsvps(organiser, rsvps):
    other = EventPageFactory(parent=rsvps[0].event.get_parent(), title="Another meeting", takes_rsvps=True)
    Rsvp.objects.create(event=other, name="Someone Else", email="else@example.org")
    client = signed_in(organiser)
    event = rsvps[0].event

    edit = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    link = f"{LIST_URL}?event__page_ptr__exact={event.pk}"
    assert f'href="{link}"' in edit and "RSVPs for this event" in edit

    listed = client.get(link).content.decode()
    assert "Zoë Jones" in listed and "Someone Else" not in listed
