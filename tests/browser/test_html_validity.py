"""The Nu HTML Checker finds no errors in the pages or in the forms' error states.

Each test starts Java once for all its documents: starting it is most of the time.
"""

import pytest
from django.test import Client

from .checks import format_html_errors, submit_invalid
from .pages import FORMS, PAGES_TO_CHECK

pytestmark = pytest.mark.browser


def test_pages_are_valid_html(html_checker, demo_site):
    client = Client(raise_request_exception=False)
    documents = {}
    for check in PAGES_TO_CHECK:
        response = client.get(check.path)
        assert response.status_code == check.status, check.path
        documents[check.name] = response.content

    errors = html_checker(documents)

    assert not errors, format_html_errors(errors)


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_form_error_states_are_valid_html(page, html_checker):
    documents = {f"{form.name}-errors": submit_invalid(page, form).body() for form in FORMS}

    errors = html_checker(documents)

    assert not errors, format_html_errors(errors)
