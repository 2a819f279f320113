"""The Nu HTML Checker finds no errors in the pages or in the forms' error states.

Each test starts Java once for all its documents: starting it is most of the time.
"""

import urllib.error
import urllib.request

import pytest

from .checks import format_html_errors, submit_invalid
from .pages import FORMS, PAGES_TO_CHECK

pytestmark = pytest.mark.browser


def fetch(url):
    """(status, body) of a GET, error statuses included: the 404 and 500 pages are checked too."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_pages_are_valid_html(html_checker, demo_server):
    documents = {}
    for check in PAGES_TO_CHECK:
        status, body = fetch(demo_server + check.path)
        assert status == check.status, check.path
        documents[check.name] = body

    errors = html_checker(documents)

    assert not errors, format_html_errors(errors)


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_form_error_states_are_valid_html(page, html_checker):
    documents = {f"{form.name}-errors": submit_invalid(page, form).body() for form in FORMS}

    errors = html_checker(documents)

    assert not errors, format_html_errors(errors)
