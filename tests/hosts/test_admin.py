"""Organisers see hosts and what they did, decide on held messages, and take access away; editors see none of it."""

import pytest
from django.test import Client

from campaign.hosts import access
from campaign.hosts.models import Host, HostAction, HostMessage
from core.subscriptions.tokens import person_token
from tests.conftest import committing, make_user

from .factories import HostFactory, page_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser_client(organiser, django_capture_on_commit_callbacks):
    client = Client()
    client.force_login(organiser)
    return committing(client, django_capture_on_commit_callbacks)


def test_organisers_see_hosts_with_their_access_and_last_use(organiser_client, client, host, event):
    HostFactory(event=event, name="Kim Co", email="kim@example.org", invited_by=host, trusted=True)
    client.get(page_of(host))
    access.revoke(HostFactory(event=event, name="Lee Gone", email="lee@example.org"))
    html = organiser_client.get("/admin/hosts/host/").content.decode()
    for text in [
        "Sam Host",
        "sam@example.org",
        "Leeds street stall",
        "Kim Co",
        "Lee Gone",
        "Taken away",
        "Take access away",
    ]:
        assert text in html
    assert "Give access back" in html


def test_organisers_trust_a_host_and_allow_contacts(organiser_client, host):
    response = organiser_client.post(f"/admin/hosts/host/edit/{host.pk}/", {"trusted": "on", "contacts_allowed": "on"})
    assert response.status_code == 302
    host.refresh_from_db()
    assert host.trusted and host.contacts_allowed


def test_the_log_lists_what_hosts_and_organisers_did(organiser_client, client, host, organiser):
    client.post(page_of(host) + "message/", {"subject": "Bring leaflets", "body": "Please."})
    message = HostMessage.objects.get()
    organiser_client.post(f"/admin/hosts/messages/{message.pk}/review/", {"action": "refuse", "reason": ""})
    html = organiser_client.get("/admin/hosts/hostaction/").content.decode()
    assert "Message held for approval" in html and "Message refused" in html and "Bring leaflets" in html
    assert HostAction.objects.get(kind=HostAction.Kind.MESSAGE_REFUSED).organiser == organiser


def test_held_messages_wait_under_requests_with_a_badge(organiser_client, client, host):
    client.post(page_of(host) + "message/", {"subject": "Bring leaflets", "body": "Please."})
    html = organiser_client.get("/admin/hosts/hostmessage/").content.decode()
    assert "Bring leaflets" in html and "Review and approve" in html
    dashboard = organiser_client.get("/admin/").content.decode()
    assert "messages, 1 new" in dashboard


def test_editors_see_no_hosts_and_decide_nothing(client, host):
    client.get(page_of(host) + "message/")
    client.post(page_of(host) + "message/", {"subject": "Hi", "body": "All."})
    message = HostMessage.objects.get()
    editor = make_user("plain-editor", groups=["Editors"])
    staff = Client()
    staff.force_login(editor)
    for url in [
        "/admin/hosts/host/",
        "/admin/hosts/hostaction/",
        f"/admin/hosts/messages/{message.pk}/review/",
        f"/admin/hosts/hosts/{host.pk}/access/",
    ]:
        response = staff.get(url)
        assert response.status_code in (302, 403), url
    staff.post(f"/admin/hosts/messages/{message.pk}/review/", {"action": "approve"})
    staff.post(f"/admin/hosts/hosts/{host.pk}/access/", {"action": "revoke"})
    message.refresh_from_db(), host.refresh_from_db()
    assert message.status == HostMessage.Status.HELD and not host.is_revoked


def test_the_your_data_page_shows_hosting_and_withdrawing_ends_it(client, host, event):
    HostFactory(event=event, name="Kim Co", email="kim@example.org", invited_by=host)
    HostAction.log(event, HostAction.Kind.CO_HOST, host=host, detail="Kim Co <kim@example.org>")
    html = client.get(f"/your-data/?token={person_token('sam@example.org')}").content.decode()
    assert "You host “Leeds street stall”" in html
    link = page_of(host)
    client.post("/your-data/", {"token": person_token("kim@example.org"), "action": "erase"})
    assert list(Host.objects.values_list("email", flat=True)) == ["sam@example.org"]
    assert not HostAction.objects.filter(detail__contains="kim@example.org").exists()
    assert client.get(link).status_code == 200
