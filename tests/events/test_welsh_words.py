"""The events' own words in Welsh (#29): the RSVP and "submit your activity" forms and an RSVP email."""

import pytest
from django.utils import translation

from campaign.events.forms import EventSubmissionForm, RsvpForm
from campaign.events.models import Rsvp
from core.emails import render_email

pytestmark = pytest.mark.django_db

EMAIL_CONTEXT = {
    "title": "Cyfarfod y gangen",
    "status": "going",
    "helping": False,
    "start": "dydd Sadwrn 2 Mai 2026, 19:00",
    "end": "21:00",
    "where": "Neuadd y Dref, Caerdydd",
    "event_url": "https://example.org/events/cyfarfod/",
    "cancel_url": "https://example.org/events/cyfarfod/cancel/abc/",
    "your_data_url": "https://example.org/your-data/",
    "site_name": "Campaign",
}


def test_rsvp_form_labels_and_errors_are_welsh():
    with translation.override("cy"):
        form = RsvpForm(
            data={"name": " ", "email": "not-an-address", "role": "", "website": ""},
            roles=(Rsvp.Role.ATTENDEE, Rsvp.Role.HELPER),
        )
        assert str(form.fields["name"].label) == "Eich enw"
        assert str(form.fields["email"].label) == "Eich cyfeiriad e-bost"
        assert str(form.fields["phone"].label) == "Rhif ffôn"
        assert str(form.fields["role"].label) == "Sut ydych chi'n dod?"
        assert [str(label) for _, label in form.fields["role"].choices] == ["I gymryd rhan", "I helpu i'w gynnal"]
        assert not form.is_valid()
        assert form.errors["name"] == ["Rhowch eich enw."]
        assert form.errors["role"] == ["Dewiswch a ydych chi'n dod neu'n helpu."]


def test_rsvp_form_is_unchanged_in_english():
    with translation.override("en"):
        form = RsvpForm(data={"name": "", "email": "ada@example.org", "website": ""})
        assert str(form.fields["name"].label) == "Your name"
        assert not form.is_valid()
        assert form.errors["name"] == ["Enter your name."]


def test_submit_your_activity_form_labels_and_errors_are_welsh():
    with translation.override("cy"):
        form = EventSubmissionForm(data={"start": "2020-05-02T19:00", "end": "2020-05-02T21:00", "website": ""})
        assert str(form.fields["email"].label) == "Eich cyfeiriad e-bost"
        assert str(form.fields["organiser_name"].label) == "Trefnydd (unigolyn neu grŵp)"
        assert form.fields["start"].help_text.startswith("Dewiswch y dyddiad a'r amser (amser y DU)")
        assert not form.is_valid()
        assert "Mae'r dechrau yn y gorffennol. Gwiriwch y dyddiad a'r amser." in form.errors["start"]


def test_rsvp_confirmation_email_renders_in_welsh():
    with translation.override("cy"):
        subject, text, html = render_email("events/rsvp_confirmation", EMAIL_CONTEXT)
    assert subject == "Rydych chi'n dod: Cyfarfod y gangen"
    assert "Diolch: mae eich lle yn Cyfarfod y gangen wedi'i gadw." in text
    assert "Pryd: dydd Sadwrn 2 Mai 2026, 19:00 tan 21:00" in text
    assert "Methu dod wedi'r cyfan? Canslwch yma, fel bod rhywun arall yn cael y lle:" in text
    assert "<title>Rydych chi'n dod</title>" in html
    assert ">Canslwch yma</a>, fel bod rhywun arall yn cael y lle." in html
    assert "Thank you" not in text + html


def test_rsvp_confirmation_email_is_unchanged_in_english():
    with translation.override("en"):
        subject, text, html = render_email("events/rsvp_confirmation", EMAIL_CONTEXT)
    assert subject == "You are coming: Cyfarfod y gangen"
    assert text.startswith("Thank you: your place at Cyfarfod y gangen is kept. If you did not ask for this,")
    assert "When: dydd Sadwrn 2 Mai 2026, 19:00 to 21:00\nWhere: Neuadd y Dref, Caerdydd\nDetails: " in text
