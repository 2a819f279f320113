"""The host's private link: it opens one event's page only, and nothing else opens it.

A tampered, revoked or long-expired link gets a plain page (400) with a form to ask for a new one by
email, which never says whether an address hosts anything. The pages are never cached, indexed or
given away in a Referer header, and their forms refuse posts from other sites and too many posts.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from campaign.hosts import access
from campaign.hosts.models import Host

from .factories import HostFactory, emails_to, link_in, page_of

pytestmark = pytest.mark.django_db


def test_the_link_opens_the_hosts_page_privately(client, host):
    response = client.get(page_of(host))
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert '<meta name="referrer" content="no-referrer">' in html
    assert "Please do not share its link" in html
    host.refresh_from_db()
    assert host.last_used_at is not None


@pytest.mark.parametrize("cut", [lambda t: t[:-3], lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: "x"])
def test_a_tampered_link_opens_nothing_and_offers_a_new_one(client, host, cut):
    token = page_of(host).split("/")[2]
    response = client.get(f"/host/{cut(token)}/")
    html = response.content.decode()
    assert response.status_code == 400
    assert "This link does not work" in html
    assert 'action="/host/new-link/"' in html
    assert "Leeds street stall" not in html


def test_a_revoked_link_is_dead_and_stays_dead_when_access_is_given_back(client, admin_client, host):
    old = page_of(host)
    admin_client.post(f"/admin/hosts/hosts/{host.pk}/access/", {"action": "revoke"})
    assert client.get(old).status_code == 400
    assert client.post(old + "paper/", {"signatures": "5"}).status_code == 400

    mail.outbox.clear()
    admin_client.post(f"/admin/hosts/hosts/{host.pk}/access/", {"action": "restore"})
    assert client.get(old).status_code == 400  # the old link stays dead
    [email] = emails_to("sam@example.org")
    assert client.get(link_in(email)).status_code == 200


def test_revoking_one_host_leaves_their_co_host(client, host, event):
    co_host = HostFactory(event=event, invited_by=host)
    access.revoke(host)
    assert client.get(page_of(host)).status_code == 400
    assert client.get(page_of(co_host)).status_code == 200


def test_a_host_sees_and_changes_only_their_own_event(client, host, event, other_event):
    """No view takes an event: whatever a host of one event sends, only their own event changes."""
    other_host = HostFactory(event=other_event)
    html = client.get(page_of(host)).content.decode()
    assert "Leeds street stall" in html and "York meeting" not in html
    response = client.post(page_of(host) + "cancel/", {"sure": "on", "event": other_event.pk, "page": other_event.pk})
    assert response.status_code == 302
    other_event.refresh_from_db()
    event.refresh_from_db()
    assert event.cancelled and not other_event.cancelled
    assert client.get(page_of(other_host)).status_code == 200  # their own link still theirs


def test_a_link_stops_working_long_after_the_event(client, host, event):
    event.start = timezone.now() - timedelta(days=access.HOST_LINK_DAYS_AFTER + 2)
    event.end = event.start + timedelta(hours=2)
    event.save()
    response = client.get(page_of(host))
    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()


def test_asking_for_a_new_link_emails_only_a_current_hosts_own_address(client, host, event, other_event):
    revoked = HostFactory(event=other_event, email="gone@example.org")
    access.revoke(revoked)
    mail.outbox.clear()
    pages = []
    for address in ["SAM@example.org", "stranger@example.org", "gone@example.org"]:
        response = client.post("/host/new-link/", {"email": address, "website": ""})
        assert response.status_code == 200
        pages.append(response.content.decode())
    assert pages[0] == pages[1] == pages[2]  # the page tells nobody who hosts
    assert "Check your inbox" in pages[0]
    [email] = mail.outbox
    assert email.to == ["sam@example.org"]
    assert client.get(link_in(email)).status_code == 200

    client.post("/host/new-link/", {"email": "sam@example.org", "website": ""})
    assert len(mail.outbox) == 1  # one fresh link per host in ten minutes


def test_the_new_link_form_is_polite_about_bad_input(client):
    response = client.post("/host/new-link/", {"email": "not an address", "website": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem with what you sent" in html
    assert "That does not look like an email address" in html
    assert mail.outbox == []


def test_a_post_from_another_site_is_refused(client, host):
    response = client.post(page_of(host) + "paper/", {"signatures": "3"}, headers={"sec-fetch-site": "cross-site"})
    assert response.status_code == 403
    assert not Host.objects.get().paper_reports.exists()


@override_settings(RATE_LIMITS={"host_co_host": (2, 3600)})
def test_too_many_posts_get_a_polite_try_again_later(client, host):
    for _ in range(2):
        client.post(page_of(host) + "co-host/", {"name": "", "email": ""})
    response = client.post(page_of(host) + "co-host/", {"name": "", "email": ""})
    assert response.status_code == 429


def test_after_the_event_a_host_can_still_get_a_new_link_to_report_paper(client, host, event):
    event.start = timezone.now() - timedelta(days=3)
    event.end = event.start + timedelta(hours=2)
    event.save()
    mail.outbox.clear()
    client.post("/host/new-link/", {"email": "sam@example.org", "website": ""})
    [email] = emails_to("sam@example.org")
    assert "Say how many signed on paper" in client.get(link_in(email)).content.decode()
