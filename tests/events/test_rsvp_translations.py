"""An event in two languages is one event (#29): one list of who is coming, one cap, one waiting list.

An RSVP on the Welsh translation attaches to the original (EventPage.counted_page), in the
person's language, so their emails are in Welsh with links to the Welsh page; those links
(confirm, cancel) and the .ics work from the Welsh page.
"""

import re
from urllib.parse import unquote

import pytest
from django.test import Client

from campaign.events.models import Rsvp, RsvpCount
from core.subscriptions.models import Consent
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(home_page, site_settings):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=index, title="Branch meeting", slug="branch-meeting", takes_rsvps=True, capacity=2)


@pytest.fixture
def welsh_meeting(meeting, welsh_locale):
    """The meeting translated into Welsh (its events list first), and published."""
    index = meeting.get_parent().specific.copy_for_translation(welsh_locale)
    index.title, index.slug = "Digwyddiadau", "digwyddiadau"
    index.save_revision().publish()
    welsh = meeting.copy_for_translation(welsh_locale)
    welsh.title, welsh.slug = "Cyfarfod y gangen", "cyfarfod-y-gangen"
    welsh.description = "<p>Croeso i bawb.</p>"
    welsh.save_revision().publish()
    welsh.refresh_from_db()
    return welsh


def answer(client, event, email, name="Gwen"):
    return client.post(event.url + "rsvp/", {"name": name, "email": email, "phone": "", "website": ""})


def link_in(message, purpose):
    return re.search(rf"http://testserver(\S+/rsvp/{purpose}/\?token=\S+)", message.body).group(1)


def press(client, link):
    return client.post(link, {"token": unquote(link.split("token=")[1])})


def counts(event):
    row = RsvpCount.objects.get(event=event)
    return row.going, row.waiting


def test_answers_in_both_languages_fill_one_list_and_one_cap(client, meeting, welsh_meeting, mailoutbox):
    assert welsh_meeting.url.startswith("/cy/")
    assert answer(client, welsh_meeting, "gwen@example.org").status_code == 200
    assert answer(client, meeting, "ada@example.org", name="Ada").status_code == 200
    assert answer(client, welsh_meeting, "dafydd@example.org", name="Dafydd").status_code == 200

    assert set(Rsvp.objects.values_list("event_id", flat=True)) == {meeting.pk}  # all the original's
    assert not RsvpCount.objects.filter(event=welsh_meeting).exists()
    assert counts(meeting) == (2, 1)  # the cap of 2 filled from both pages: the third waits
    gwen = Rsvp.objects.get(email="gwen@example.org")
    assert (gwen.language, gwen.status) == ("cy", Rsvp.Status.GOING)
    assert Rsvp.objects.get(email="dafydd@example.org").status == Rsvp.Status.WAITING

    welsh_page = client.get(welsh_meeting.url).content.decode()
    english_page = client.get(meeting.url).content.decode()
    assert "Full: join the waiting list" in english_page
    assert "2 going · no places left" in english_page
    assert "Join the waiting list" not in welsh_page and "Cyfarfod y gangen" in welsh_page
    gwen_email = next(message for message in mailoutbox if message.to == ["gwen@example.org"])
    assert gwen_email.subject == "Rydych chi'n dod: Cyfarfod y gangen"
    assert f"http://testserver{welsh_meeting.url}rsvp/cancel/?token=" in gwen_email.body
    assert "Branch meeting" not in gwen_email.body
    ada_email = next(message for message in mailoutbox if message.to == ["ada@example.org"])
    assert ada_email.subject == "You are coming: Branch meeting"
    assert f"http://testserver{meeting.url}rsvp/cancel/?token=" in ada_email.body


def test_the_same_address_on_both_pages_is_one_answer(client, meeting, welsh_meeting):
    answer(client, welsh_meeting, "gwen@example.org")
    answer(client, meeting, "gwen@example.org")
    assert Rsvp.objects.filter(email="gwen@example.org").count() == 1
    assert counts(meeting) == (1, 0)


def test_a_welsh_rsvp_is_confirmed_from_its_welsh_email(client, meeting, welsh_meeting, mailoutbox):
    meeting.rsvps_need_confirming = True
    meeting.save_revision().publish()
    answer(client, welsh_meeting, "gwen@example.org")
    [request] = mailoutbox
    assert request.subject == "Cadarnhewch: ydych chi'n dod i Cyfarfod y gangen?"
    link = link_in(request, "confirm")
    assert link.startswith(welsh_meeting.url)
    assert client.get(link).status_code == 200  # the page with the button, in Welsh

    response = press(client, link)

    assert response.status_code == 200
    assert Rsvp.objects.get(email="gwen@example.org").status == Rsvp.Status.GOING
    assert counts(meeting) == (1, 0)
    assert mailoutbox[-1].subject == "Rydych chi'n dod: Cyfarfod y gangen"


def test_cancelling_from_the_welsh_page_frees_the_place_for_the_english_waiting_list(
    client, meeting, welsh_meeting, mailoutbox
):
    answer(client, welsh_meeting, "gwen@example.org")
    answer(client, meeting, "ada@example.org", name="Ada")
    answer(client, meeting, "bea@example.org", name="Bea")
    gwen_email = next(message for message in mailoutbox if message.to == ["gwen@example.org"])
    link = link_in(gwen_email, "cancel")
    assert client.get(link).status_code == 200

    response = press(client, link)

    assert response.status_code == 200
    assert Rsvp.objects.get(email="gwen@example.org").status == Rsvp.Status.CANCELLED
    assert Rsvp.objects.get(email="bea@example.org").status == Rsvp.Status.GOING  # promoted from the one list
    assert counts(meeting) == (2, 0)
    assert any(message.to == ["bea@example.org"] and "Branch meeting" in message.subject for message in mailoutbox)


def test_a_link_of_another_event_is_still_refused_on_the_welsh_page(client, meeting, welsh_meeting, mailoutbox):
    other = EventPageFactory(parent=meeting.get_parent(), title="Other", slug="other", takes_rsvps=True)
    answer(client, other, "ada@example.org")
    link = link_in(mailoutbox[0], "cancel")
    token = link.split("token=")[1]
    response = client.get(f"{welsh_meeting.url}rsvp/cancel/?token={token}")
    assert response.status_code == 400


def test_the_welsh_calendar_file_is_the_same_event(client, meeting, welsh_meeting):
    english = client.get(meeting.url.rstrip("/") + ".ics").content.decode()
    welsh = client.get(welsh_meeting.url.rstrip("/") + ".ics").content.decode()
    uid = f"UID:event-{meeting.pk}@"
    assert uid in english and uid in welsh
    assert "SUMMARY:Cyfarfod y gangen" in welsh
    feed = client.get("/cy/digwyddiadau.ics").content.decode()
    assert uid in feed and "SUMMARY:Cyfarfod y gangen" in feed


def test_organisers_see_one_list_and_the_welsh_page_leads_to_it(organiser, meeting, welsh_meeting):
    Client().post(welsh_meeting.url + "rsvp/", {"name": "Gwen", "email": "gwen@example.org", "website": ""})
    Client().post(meeting.url + "rsvp/", {"name": "Ada", "email": "ada@example.org", "website": ""})
    client = Client()
    client.force_login(organiser)
    html = client.get("/admin/events/rsvp/").content.decode()
    assert html.count("gwen@example.org") == 1 and html.count("ada@example.org") == 1
    assert "Cyfarfod y gangen" not in html  # no second event to filter by

    edit = client.get(f"/admin/pages/{welsh_meeting.pk}/edit/").content.decode()
    assert f"?event__page_ptr__exact={meeting.pk}" in edit
    listed = client.get(f"/admin/events/rsvp/?event__page_ptr__exact={meeting.pk}").content.decode()
    assert "gwen@example.org" in listed and "ada@example.org" in listed


def test_updates_ticked_on_the_welsh_page_record_the_welsh_words_after_an_english_answer(
    client, meeting, welsh_meeting
):
    """The consent is the words read now, on this page: not the language of the address's earlier answer."""
    answer(client, meeting, "gwen@example.org")
    client.post(
        welsh_meeting.url + "rsvp/",
        {"name": "Gwen", "email": "gwen@example.org", "phone": "", "website": "", "updates": "on"},
    )

    given = Consent.objects.get()
    assert given.wording_language == "cy"
    assert given.form == "y ffurflen ymateb ar gyfer “Cyfarfod y gangen”"


def test_the_welsh_page_shows_the_originals_dates_and_status_before_anyone_syncs_it(client, meeting, welsh_meeting):
    """The English event is cancelled and the translation not synced yet: the Welsh page says cancelled too."""
    meeting.cancelled = True
    meeting.save_revision().publish()

    page = client.get(welsh_meeting.url).content.decode()

    assert "is-cancelled" in page and '"eventStatus": "https://schema.org/EventCancelled"' in page
    assert 'class="rsvp-form"' not in page  # no answers taken for a cancelled event
