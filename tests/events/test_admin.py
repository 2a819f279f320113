"""Organisers work through submitted activities in the admin: accept (a draft event) or reject."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from campaign.events.models import EventPage, EventSubmission
from tests.events.factories import EventIndexPageFactory, EventSubmissionFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/events/eventsubmission/"


@pytest.fixture
def events_index(home_page, site_settings):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def submission(events_index):
    return EventSubmissionFactory()


def url(action, submission):
    return f"{LIST_URL}{action}/{submission.pk}/"


def admin_user(client, username, groups=(), perms=()):
    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in perms:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    client.force_login(user)
    return user


def test_submissions_are_listed_with_their_status(admin_client, submission):
    EventSubmissionFactory(title="A rejected one", status=EventSubmission.Status.REJECTED)

    response = admin_client.get(LIST_URL + "?status__exact=all")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Submitted activities" in html
    assert "Leeds street stall" in html and "A rejected one" in html
    assert f'href="{url("accept", submission)}"' in html
    assert "Add submitted activity" not in html  # they come from the public form only

    new_only = admin_client.get(LIST_URL + "?status__exact=new").content.decode()
    assert "Leeds street stall" in new_only and "A rejected one" not in new_only


def test_inspect_offers_one_click_accept(admin_client, submission):
    html = admin_client.get(url("inspect", submission)).content.decode()
    assert "organiser@example.org" in html
    assert f'<form method="post" action="{url("accept", submission)}"' in html
    assert f'href="{url("reject", submission)}"' in html


def test_accepting_creates_a_draft_event_filled_in_from_the_submission(admin_client, submission, events_index):
    assert admin_client.get(url("accept", submission)).status_code == 200  # a confirmation, changes nothing
    assert not EventPage.objects.exists()

    response = admin_client.post(url("accept", submission))

    page = EventPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert page.get_parent().pk == events_index.pk
    assert not page.live
    assert page.has_unpublished_changes
    assert (page.title, page.kind, page.start, page.end) == (
        submission.title,
        submission.kind,
        submission.start,
        submission.end,
    )
    assert (page.venue_name, page.address, page.town, page.postcode) == (
        "Kirkgate Market",
        "Vicar Lane",
        "Leeds",
        "LS2 7HY",
    )
    assert (page.organiser_name, page.organiser_contact) == ("Leeds supporters", "07700 900456")
    assert page.description == "<p>Leaflets &amp; a petition.<br/>Come along &lt;b&gt;early&lt;/b&gt;.</p>"
    assert page.slug == "leeds-street-stall"
    assert page.latest_revision is not None

    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.ACCEPTED
    assert submission.event_page_id == page.pk
    assert submission.decided_at is not None

    assert admin_client.get(response["Location"]).status_code == 200  # the editor reviews it...
    page.save_revision().publish()  # ...and publishes
    assert "Leeds street stall" in admin_client.get("/events/").content.decode()


def test_accepting_twice_makes_one_page(admin_client, submission):
    admin_client.post(url("accept", submission))
    response = admin_client.post(url("accept", submission))
    assert response.status_code == 302 and response["Location"] == LIST_URL
    assert EventPage.objects.count() == 1


def test_accept_needs_permission_to_change_submissions(client, submission):
    admin_user(client, "editor", groups=["Editors"])
    for response in [client.get(LIST_URL), client.post(url("accept", submission))]:
        assert (response.status_code, response.get("Location")) in [(403, None), (302, "/admin/")]
    assert not EventPage.objects.exists()
    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.NEW


def test_accept_needs_permission_to_add_events(client, submission):
    admin_user(client, "clerk", perms=["change_eventsubmission", "view_eventsubmission"])
    response = client.post(url("accept", submission))
    assert (response.status_code, response.get("Location")) in [
        (403, None),
        (302, "/admin/"),
    ]  # Wagtail's "denied"
    assert not EventPage.objects.exists()


def test_accept_says_so_when_there_is_no_events_list(admin_client, home_page, site_settings):
    submission = EventSubmissionFactory()
    response = admin_client.post(url("accept", submission), follow=True)
    assert "There is no events list page" in response.content.decode()
    assert EventSubmission.objects.get().status == EventSubmission.Status.NEW


def test_rejecting_with_a_reason_emails_the_submitter(admin_client, submission):
    assert 'name="reason"' in admin_client.get(url("reject", submission)).content.decode()

    response = admin_client.post(
        url("reject", submission), {"reason": "It is not a campaign event.", "send_email": "on"}
    )

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.REJECTED
    assert submission.rejection_reason == "It is not a campaign event."
    (message,) = mail.outbox
    assert message.to == ["organiser@example.org"]
    assert message.subject == "About your activity: Leeds street stall"
    assert "It is not a campaign event." in message.body
    assert message.reply_to == ["info@example.org"]
    assert not EventPage.objects.exists()


def test_rejecting_quietly_sends_nothing(admin_client, submission):
    admin_client.post(url("reject", submission), {"reason": "Duplicate."})
    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.REJECTED
    assert mail.outbox == []


def test_an_email_needs_a_reason(admin_client, submission):
    response = admin_client.post(url("reject", submission), {"reason": " ", "send_email": "on"})
    assert response.status_code == 200
    assert "Write a reason to send" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.NEW


def test_decided_submissions_offer_no_decision(admin_client, submission):
    admin_client.post(url("reject", submission), {"reason": "No."})
    html = admin_client.get(url("inspect", submission)).content.decode()
    assert f'action="{url("accept", submission)}"' not in html
    admin_client.post(url("accept", submission))
    assert not EventPage.objects.exists()


def test_editors_can_create_events_in_the_page_editor(admin_client, events_index):
    response = admin_client.get(f"/admin/pages/add/events/eventpage/{events_index.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for field in ["kind", "start", "end", "cancelled", "venue_name", "town", "organiser_name", "image"]:
        assert f'name="{field}"' in html


def test_page_editor_refuses_an_end_before_the_start(admin_client, events_index):
    data = {
        "title": "Backwards",
        "slug": "backwards",
        "kind": "meeting",
        "start": "2030-05-02 19:00",
        "end": "2030-05-02 18:00",
        "venue_name": "Hall",
        "town": "Leeds",
        "organiser_name": "Leeds supporters",
        "description": rich_text("<p>Everyone welcome.</p>"),
        # The "Cancelled dates" inline's management form, with no dates off.
        **{f"cancelled_occurrences-{name}": "0" for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS")},
        "cancelled_occurrences-MAX_NUM_FORMS": "1000",
    }
    response = admin_client.post(f"/admin/pages/add/events/eventpage/{events_index.pk}/", data)
    assert response.status_code == 200
    assert "The end must be after the start." in response.content.decode()
    assert not EventPage.objects.exists()

    data["end"] = "2030-05-02 21:00"
    response = admin_client.post(f"/admin/pages/add/events/eventpage/{events_index.pk}/", data)
    assert response.status_code == 302
    assert EventPage.objects.get().start.isoformat() == "2030-05-02T18:00:00+00:00"  # entered as UK time (BST)


def test_accepting_same_titled_or_symbol_titled_submissions_still_makes_pages(admin_client, events_index):
    first, second = EventSubmissionFactory(), EventSubmissionFactory()
    odd = EventSubmissionFactory(title="!!! ★ !!!")
    for submission in (first, second, odd):
        assert admin_client.post(url("accept", submission)).status_code == 302
    slugs = sorted(EventPage.objects.values_list("slug", flat=True))
    assert slugs == sorted(["leeds-street-stall", "leeds-street-stall-2", f"event-{odd.pk}"])


def test_organisers_open_on_new_and_the_strict_list_refuses_the_rest(client, organiser, submission):
    EventSubmissionFactory(title="A rejected one", status=EventSubmission.Status.REJECTED)
    client.force_login(organiser)

    opening = client.get(LIST_URL).content.decode()

    assert "Leeds street stall" in opening and "A rejected one" not in opening
    assert "A rejected one" in client.get(LIST_URL, {"status__exact": "all"}).content.decode()
    assert client.get(LIST_URL, {"status__exact": "bogus"}).status_code == 400
    assert client.get(LIST_URL, {"assigned_to__username": "organiser"}).status_code == 400


def test_the_submission_screen_leads_with_accept_and_people_words(client, organiser, submission):
    client.force_login(organiser)

    html = client.get(url("inspect", submission)).content.decode()

    accept = html.index(f'href="{url("accept", submission)}" class="button"')
    assert accept < html.index(f'href="{url("reject", submission)}" class="button button-secondary"')
    labels = re.findall(r"<dt[^>]*>\s*(.*?)\s*</dt>", html, re.S)
    assert labels[0] == "Name of the activity"
    assert "ID" not in labels and "Internal notes" in labels and "Assigned to" in labels


def test_organisers_keep_notes_and_assign_a_submission(client, organiser, submission):
    client.force_login(organiser)
    form = client.get(url("edit", submission)).content.decode()
    assert 'name="last_message"' not in form and 'name="published_email_sent"' not in form

    data = {name: getattr(submission, name) for name in ["title", "kind", "venue_name", "town", "organiser_name"]}
    data.update(
        {
            "start": submission.start.strftime("%Y-%m-%d %H:%M"),
            "end": submission.end.strftime("%Y-%m-%d %H:%M"),
            "email": submission.email,
            "assigned_to": organiser.pk,
            "internal_notes": "Rang them: 20 leaflets needed",
        }
    )
    response = client.post(url("edit", submission), data)

    assert response.status_code == 302, response.content.decode()[-3000:]
    submission.refresh_from_db()
    assert submission.assigned_to == organiser
    assert submission.internal_notes == "Rang them: 20 leaflets needed"


def test_the_submitter_is_emailed_the_link_once_when_the_event_is_published(
    admin_client, submission, django_capture_on_commit_callbacks
):
    admin_client.post(url("accept", submission))
    page = EventPage.objects.get()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()  # a correction, published again: no second email

    [email] = mail.outbox
    assert email.to == ["organiser@example.org"]
    assert email.subject == "Your activity is listed: Leeds street stall"
    assert page.get_full_url() in email.body
    assert f'href="{page.get_full_url()}"' in email.alternatives[0][0]


def test_publishing_an_event_not_made_from_a_submission_emails_no_one(events_index, django_capture_on_commit_callbacks):
    page = EventPage(title="Our own rally", start=timezone.now(), end=timezone.now() + timedelta(hours=1))
    page.venue_name, page.town, page.organiser_name = "Hall", "Leeds", "Us"
    events_index.add_child(instance=page)

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert mail.outbox == []
