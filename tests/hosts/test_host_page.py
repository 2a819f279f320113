"""What the host sees (how many are coming, waiting and helping; names; contacts only where allowed),
and what they change: the time or place and cancelling (told to everyone as an organiser's change is),
who came, the paper count (a batch organisers import, named after the event), and co-hosts."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from campaign.events.models import EventPage, Rsvp
from campaign.hosts.models import Host, HostAction, PaperReport
from statements.models import Signature
from tests.events.factories import EventPageFactory

from .factories import HostFactory, coming, emails_to, link_in, page_of

pytestmark = pytest.mark.django_db


def started(event, hours_ago=3):
    event.start = timezone.now() - timedelta(hours=hours_ago)
    event.end = event.start + timedelta(hours=2)
    event.save_revision().publish()
    event.refresh_from_db()


def test_the_host_sees_the_counts_and_names_and_contacts_only_when_allowed(client, host, event):
    event.helpers_wanted = 3
    event.save()
    coming(event, "Ada Lovelace", "ada@example.org", "07700 900001")
    coming(event, "Bob <b>Jones</b>", "bob@example.org")
    coming(event, "Carol Waits", "carol@example.org")
    coming(event, "Hal Helper", "hal@example.org", role=Rsvp.Role.HELPER)

    html = client.get(page_of(host)).content.decode()
    assert '<span class="count-number">2</span> coming <span class="meta">of 2 places</span>' in html
    assert '<span class="count-number">1</span> on the waiting list' in html
    assert '<span class="count-number">1</span> helping <span class="meta">of 3 wanted</span>' in html
    assert "Ada Lovelace" in html and "Carol Waits" in html and "Hal Helper" in html
    assert "Bob &lt;b&gt;Jones&lt;/b&gt;" in html
    assert "ada@example.org" not in html and "07700 900001" not in html
    assert "You see names only" in html

    host.contacts_allowed = True
    host.save()
    html = client.get(page_of(host)).content.decode()
    assert 'href="mailto:ada@example.org"' in html and 'href="tel:07700900001"' in html


def test_a_new_time_is_published_and_everyone_coming_is_told(client, host, event):
    coming(event, "Ada Lovelace", "ada@example.org")
    mail.outbox.clear()
    new_start = timezone.localtime(event.start + timedelta(days=1)).replace(second=0, microsecond=0)
    data = {
        "start": new_start.strftime("%Y-%m-%dT%H:%M"),
        "end": (new_start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "venue_name": "Kirkgate Market, stall 4",
        "address": event.address,
        "town": event.town,
        "postcode": event.postcode,
        "online_url": "",
    }
    response = client.post(page_of(host) + "change/", data)
    assert response["Location"].endswith("?done=changed")

    page = EventPage.objects.get(pk=event.pk)
    assert (page.start, page.venue_name) == (new_start, "Kirkgate Market, stall 4")
    assert not page.has_unpublished_changes
    [told] = emails_to("ada@example.org")
    assert told.subject == "Changed: Leeds street stall" and "stall 4" in told.body
    assert HostAction.objects.get(kind=HostAction.Kind.CHANGED).detail == "Changed: start, end, venue"

    mail.outbox.clear()
    assert client.post(page_of(host) + "change/", data)["Location"].endswith("?done=unchanged")
    assert mail.outbox == []


def test_a_change_into_the_past_or_backwards_is_refused_politely(client, host, event):
    data = {"start": "2020-01-01T10:00", "end": "2019-01-01T10:00", "venue_name": "", "town": "Leeds"}
    html = client.post(page_of(host) + "change/", data).content.decode()
    assert "The start is in the past" in html and "The end must be after the start" in html
    assert "Venue: This field is required." in html
    assert EventPage.objects.get(pk=event.pk).venue_name == event.venue_name


def test_cancelling_tells_everyone_and_keeps_the_page_up_marked_cancelled(client, host, event):
    coming(event, "Ada Lovelace", "ada@example.org")
    html = client.post(page_of(host) + "cancel/", {}).content.decode()
    assert "Tick the box to cancel it." in html
    mail.outbox.clear()
    client.post(page_of(host) + "cancel/", {"sure": "on", "reason": "Rain"})
    assert EventPage.objects.get(pk=event.pk).cancelled
    [told] = emails_to("ada@example.org")
    assert told.subject == "Cancelled: Leeds street stall"
    assert "This event is cancelled" in client.get(page_of(host)).content.decode()
    assert client.get(page_of(host) + "change/").content.decode().count("This can no longer be changed here") == 1


def test_after_the_event_the_host_marks_who_came_for_their_own_event_only(client, host, event, other_event):
    ada = coming(event, "Ada Lovelace", "ada@example.org")
    bob = coming(event, "Bob Jones", "bob@example.org")
    stranger = coming(other_event, "Someone Else", "else@example.org")
    assert "Not yet: the event has not started" in client.get(page_of(host) + "came/").content.decode()

    started(event)
    form = client.get(page_of(host) + "came/").content.decode()
    assert "Ada Lovelace" in form and "Someone Else" not in form
    assert client.post(page_of(host) + "came/", {"came": [str(ada.pk)]})["Location"].endswith("?done=came")
    refused = client.post(page_of(host) + "came/", {"came": [str(bob.pk), str(stranger.pk)]})
    assert refused.status_code == 200 and "Select a valid choice" in refused.content.decode()
    assert "Select a valid choice" in client.post(page_of(host) + "came/", {"came": ["x"]}).content.decode()
    ada.refresh_from_db(), bob.refresh_from_db(), stranger.refresh_from_db()
    assert (ada.attended, bob.attended, stranger.attended) == (True, False, None)

    assert client.post(page_of(host) + "came/", {})["Location"].endswith("?done=came")  # nobody ticked: nobody came
    ada.refresh_from_db()
    assert ada.attended is False


def test_the_paper_count_becomes_a_batch_organisers_import_named_after_the_event(
    client, admin_client, host, event, statement_page
):
    started(event)
    assert "Type a number" in client.post(page_of(host) + "paper/", {"signatures": "lots"}).content.decode()
    response = client.post(page_of(host) + "paper/", {"signatures": "25", "note": "Sheets posted Monday."})
    assert response["Location"].endswith("?done=paper")
    report = PaperReport.objects.get()
    assert (report.signatures, report.note, report.host) == (25, "Sheets posted Monday.", host)

    listing = admin_client.get("/admin/hosts/paperreport/").content.decode()
    assert "Import the sheets" in listing
    url = f"/admin/hosts/paper/{report.pk}/import/"
    html = admin_client.get(url).content.decode()
    assert f"Import paper sheets: {report.batch_name}" in html
    assert "reported <strong>25</strong> signatures on paper" in html
    assert "Sheets posted Monday." in html

    assert f'<option value="{statement_page.pk}" selected>' in html  # the campaign's statement, chosen already
    sheet = io.BytesIO(b"name,town\nAda Lovelace,Leeds\nBob Jones,Leeds\n")
    sheet.name = "sheets.csv"
    admin_client.post(url, {"page": statement_page.pk, "source": "paper", "file": sheet})
    assert Signature.objects.filter(source=Signature.Source.PAPER).count() == 2
    report.refresh_from_db()
    assert report.imported_at is not None
    assert "Import the sheets" not in admin_client.get("/admin/hosts/paperreport/").content.decode()


def test_a_co_host_gets_their_own_link_and_a_bad_address_is_refused_politely(client, host, event):
    for bad in ["not-an-address", "a@b", "x" * 250 + "@example.org"]:
        html = client.post(page_of(host) + "co-host/", {"name": "Kim", "email": bad}).content.decode()
        assert "There is a problem with what you sent" in html
    assert Host.objects.count() == 1 and mail.outbox == []

    response = client.post(page_of(host) + "co-host/", {"name": "Kim Co", "email": "Kim@Example.org"})
    assert response["Location"].endswith("?done=co_host")
    co_host = Host.objects.get(email="kim@example.org")
    assert co_host.invited_by == host
    [invite] = emails_to("kim@example.org")
    assert invite.subject == "You are invited to co-host Leeds street stall"
    assert "Sam Host has asked you" in invite.body
    assert link_in(invite) != page_of(host)
    assert "Leeds street stall" in client.get(link_in(invite)).content.decode()

    again = client.post(page_of(host) + "co-host/", {"name": "Kim", "email": "kim@example.org"}).content.decode()
    assert "That address can already manage this event" in again
    assert "Kim Co" in client.get(page_of(host)).content.decode()


def test_a_draft_event_cannot_be_changed_or_messaged_yet(client, events_index):
    draft = EventPageFactory(parent=events_index, live=False, takes_rsvps=True)
    host = HostFactory(event=draft)
    html = client.get(page_of(host)).content.decode()
    assert "Change the time or place" not in html and "Message everyone coming" not in html
    assert "not on the website yet" in client.get(page_of(host) + "change/").content.decode()
