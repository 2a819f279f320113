"""Form builder pages (get involved, contact): submissions, emails, protection, who sees submissions."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from core.organisers import ORGANISERS_GROUP
from tests.core.task_queue import queued_text, run_worker, use_database_queue
from tests.form_pages.factories import FormFieldFactory, FormPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page(home_page, site_settings):
    page = FormPageFactory(parent=home_page, show_contact_details=True, intro="<p>Write to us.</p>")
    FormFieldFactory(page=page, label="Your name", field_type="singleline", sort_order=0)
    FormFieldFactory(page=page, label="Your email", field_type="email", sort_order=1)
    FormFieldFactory(page=page, label="Message", field_type="multiline", sort_order=2)
    return page


def message(**overrides):
    data = {"your_name": "Ada", "your_email": "ada@example.org", "message": "Hello & welcome", "website": ""}
    data.update(overrides)
    return data


def test_page_shows_the_fields_editors_designed_and_the_contact_details(client, contact_page):
    html = client.get("/contact/").content.decode()
    assert "Write to us." in html
    assert '<label for="id_your_name">Your name</label>' in html
    assert 'type="email"' in html and "<textarea" in html
    assert 'class="field hp-field"' in html  # the honeypot, hidden from people
    assert 'href="mailto:info@example.org"' in html and 'href="tel:07700900123"' in html


def test_contact_details_only_where_asked_for(client, contact_page):
    contact_page.show_contact_details = False
    contact_page.save_revision().publish()
    assert "Other ways to reach us" not in client.get("/contact/").content.decode()


def test_submission_is_kept_and_emailed_to_the_chosen_addresses(client, contact_page):
    response = client.post("/contact/", message())

    assert response.status_code == 200
    assert "Thanks for your message." in response.content.decode()
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.get_data()["message"] == "Hello & welcome"
    assert "website" not in submission.form_data
    (email,) = mail.outbox
    assert email.to == ["organisers@example.org"]
    assert email.subject == "Message from the contact form"
    assert email.reply_to == ["ada@example.org"]
    assert "Your name: Ada" in email.body and "Message: Hello & welcome" in email.body
    assert "Leave this field empty" not in email.body  # the honeypot is not part of the message
    html, _ = email.alternatives[0]
    assert "Hello &amp; welcome" in html


def test_the_queue_keeps_only_the_submissions_id_and_the_email_is_built_when_sent(client, contact_page, settings):
    use_database_queue(settings)
    client.post("/contact/", message(message="My secret story"))
    kept = queued_text()
    assert "ada@example.org" not in kept and "My secret story" not in kept and "Ada" not in kept

    run_worker()
    (email,) = mail.outbox
    assert email.to == ["organisers@example.org"] and email.reply_to == ["ada@example.org"]
    assert "Your name: Ada" in email.body and "Message: My secret story" in email.body


def test_a_submission_deleted_before_its_email_is_sent_gets_none(client, contact_page, settings):
    use_database_queue(settings)
    client.post("/contact/", message())
    FormSubmission.objects.all().delete()
    run_worker()
    assert mail.outbox == []


def test_dates_read_back_from_the_stored_answers_are_shown_short(client, contact_page, settings):
    FormFieldFactory(page=contact_page, label="Best day", field_type="date", required=False, sort_order=3)
    use_database_queue(settings)
    client.post("/contact/", message(best_day="2027-03-04"))
    run_worker()
    assert "Best day: 04/03/2027" in mail.outbox[0].body


def test_a_failing_email_provider_never_loses_a_submission(client, contact_page, settings):
    """The email is a task: the submission is saved and the visitor thanked whatever the provider does."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    response = client.post("/contact/", message())
    assert response.status_code == 200
    assert FormSubmission.objects.count() == 1
    assert mail.outbox == []


def test_missing_and_bad_fields_are_explained(client, contact_page):
    response = client.post("/contact/", message(your_name="", your_email="nope"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "This field is required" in html and "Enter a valid email address" in html
    assert 'class="error-summary"' in html
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


def test_honeypot_refuses_robots(client, contact_page):
    response = client.post("/contact/", message(website="http://spam.example"))
    assert "Please leave this field empty." in response.content.decode()
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


def test_form_pages_are_rate_limited(client, settings, contact_page):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "submit": (2, 3600)}
    assert client.post("/contact/", message()).status_code == 200
    assert client.post("/contact/", message()).status_code == 200
    response = client.post("/contact/", message())
    assert response.status_code == 429
    assert FormSubmission.objects.count() == 2
    assert client.get("/contact/").status_code == 200


def test_what_people_type_is_escaped(client, contact_page):
    html = client.post("/contact/", message(your_email="bad", message="<script>x</script>")).content
    assert b"<script>x</script>" not in html


def test_only_organisers_see_submissions(client, contact_page, editor, organiser):
    client.post("/contact/", message())
    submissions_url = f"/admin/forms/submissions/{contact_page.pk}/"

    client.force_login(editor)
    assert client.get(submissions_url).status_code in (302, 403)
    assert "Ada" not in client.get("/admin/forms/").content.decode()

    organiser.groups.add(Group.objects.get(name="Editors"))  # organisers also edit pages
    client.force_login(organiser)
    response = client.get(submissions_url)
    assert response.status_code == 200
    assert "ada@example.org" in response.content.decode()
    export = client.get(submissions_url + "?export=csv")
    assert "ada@example.org" in b"".join(export.streaming_content).decode()


def test_organisers_group_exists_with_its_permissions():
    group = Group.objects.get(name=ORGANISERS_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {
        "view_printorder",
        "change_printorder",
        "view_speakerrequest",
        "view_form_submissions",
        # Erasing what someone sent, when they ask, needs no superuser.
        "delete_printorder",
        "delete_speakerrequest",
        "delete_eventsubmission",
    } <= codenames
    assert "access_admin" in codenames
