"""Organisers mark form submissions handled, and filter Wagtail's submissions list by it."""

import pytest
from django.contrib.auth.models import Group
from wagtail.contrib.forms.models import FormSubmission

from campaign.form_pages.models import HandledSubmission
from tests.form_pages.factories import FormFieldFactory, FormPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page(home_page, site_settings):
    page = FormPageFactory(parent=home_page)
    FormFieldFactory(page=page, label="Your name", field_type="singleline", sort_order=0)
    return page


@pytest.fixture
def submissions(contact_page):
    return [FormSubmission.objects.create(page=contact_page, form_data={"your_name": name}) for name in ("Ada", "Bea")]


@pytest.fixture
def organiser_client(client, organiser):
    organiser.groups.add(Group.objects.get(name="Editors"))  # organisers also edit pages (see test_form_pages)
    client.force_login(organiser)
    return client


def handled_url(submission):
    return f"/admin/form-submissions/{submission.pk}/handled/"


def test_mark_handled_asks_then_marks_once(organiser_client, organiser, contact_page, submissions):
    ada = submissions[0]
    list_url = f"/admin/forms/submissions/{contact_page.pk}/"
    assert f'href="{handled_url(ada)}">Mark handled</a>' in organiser_client.get(list_url).content.decode()

    assert organiser_client.get(handled_url(ada)).status_code == 200  # a question; changes nothing
    assert not HandledSubmission.objects.exists()
    response = organiser_client.post(handled_url(ada))
    organiser_client.post(handled_url(ada))

    assert response.status_code == 302 and response["Location"] == list_url
    mark = HandledSubmission.objects.get()
    assert (mark.submission_id, mark.handled_by) == (ada.pk, organiser)
    assert "Ada" not in organiser_client.get(list_url).content.decode()  # the list opens on what is not handled
    listing = organiser_client.get(list_url, {"handled": "all"}).content.decode()
    assert "Handled by organiser" in listing
    assert f'href="{handled_url(ada)}"' not in listing


def test_the_handled_filter(organiser_client, contact_page, submissions):
    HandledSubmission.objects.create(submission=submissions[0])
    list_url = f"/admin/forms/submissions/{contact_page.pk}/"

    waiting = organiser_client.get(list_url, {"handled": "no"}).content.decode()
    done = organiser_client.get(list_url, {"handled": "yes"}).content.decode()

    assert "Bea" in waiting and "Ada" not in waiting
    assert "Ada" in done and "Bea" not in done
    assert organiser_client.get(list_url, {"handled": "perhaps"}).status_code < 500


def test_the_list_opens_on_what_is_not_handled_and_all_shows_everything(organiser_client, contact_page, submissions):
    HandledSubmission.objects.create(submission=submissions[0])
    list_url = f"/admin/forms/submissions/{contact_page.pk}/"

    opened = organiser_client.get(list_url).content.decode()
    everything = organiser_client.get(list_url, {"handled": "all"}).content.decode()

    assert "Bea" in opened and "Ada" not in opened
    assert "Ada" in everything and "Bea" in everything


def test_only_those_who_read_the_submissions_may_mark_them(client, editor, submissions):
    client.force_login(editor)
    assert client.post(handled_url(submissions[0])).status_code in (302, 403)
    assert client.post("/admin/form-submissions/999999/handled/").status_code == 404
    assert not HandledSubmission.objects.exists()


def test_deleting_a_submission_deletes_its_mark(submissions):
    HandledSubmission.objects.create(submission=submissions[0])
    submissions[0].delete()
    assert not HandledSubmission.objects.exists()
