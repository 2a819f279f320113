"""Answers longer than their column: a polite error on the form, nothing saved, never a 500.

SQLite ignores a column's length and PostgreSQL refuses a longer value with
an error, so these run in both of CI's passes: each form checks every answer
against the column it reaches (an address asking for updates reaches the
subscribers' 254 characters, whichever form it came through).
"""

import pytest

from tests.home.public_forms import fresh_address, public_forms, saved_rows
from tests.html import visible_text

pytestmark = pytest.mark.django_db

TOO_LONG = "x" * 5000  # longer than any answer the site keeps
DOMAIN = ".".join(["d" * 60] * 3) + ".example.org"
# Valid as an address (RFC 5321 allows 254 characters; the parts are within theirs), and too long to keep:
LONG_ADDRESS = "a" * 64 + "@" + DOMAIN
# 254 characters, and longer once in small letters as every address is kept: "İ".lower() is two characters.
GROWING_ADDRESS = "İ" * 60 + "@" + DOMAIN[: 254 - 61]


def refused(client, form, changes):
    response = client.post(form.path, form.submission(**changes), REMOTE_ADDR=fresh_address())
    return response.status_code == 200 and "at most" in visible_text(response)


def test_the_addresses_are_what_they_say():
    assert len(LONG_ADDRESS) == 259
    assert len(GROWING_ADDRESS) == 254 and len(GROWING_ADDRESS.lower()) > 254


def test_an_over_long_answer_to_any_public_form_is_explained_and_nothing_is_saved(client, demo_content):
    forms = public_forms()  # first: its table makes the demo host whose pages it posts to
    before = saved_rows()
    for form in forms:
        for name in form.text:
            assert refused(client, form, {name: TOO_LONG}), (form.name, name)
    assert saved_rows() == before


def test_an_address_too_long_to_keep_is_explained_and_nothing_is_saved(client, demo_content):
    """The get-involved form took 320 characters, and the subscriber's column 254: a 500 on PostgreSQL."""
    forms = public_forms()  # first: its table makes the demo host whose pages it posts to
    before = saved_rows()
    for form in forms:
        for name in form.emails:
            assert refused(client, form, {name: LONG_ADDRESS}), (form.name, name)
    assert saved_rows() == before


@pytest.mark.parametrize("form_name", ["signing", "RSVP", "get involved"])
def test_an_address_that_grows_in_small_letters_is_explained_where_it_is_kept_so(client, demo_content, form_name):
    """Signatures, RSVPs and subscribers keep the address lower-cased (to spot a second one)."""
    form = next(form for form in public_forms() if form.name == form_name)
    before = saved_rows()
    assert refused(client, form, {form.emails[0]: GROWING_ADDRESS})
    assert saved_rows() == before


def test_each_public_forms_submission_is_accepted_as_it_is(client, demo_content):
    """The other tests change one answer of a submission each form accepts, so each must be accepted untouched."""
    for form in public_forms():
        response = client.post(form.path, form.submission(), REMOTE_ADDR=fresh_address(), follow=True)
        assert response.status_code == 200, form.name
        assert 'class="error-summary"' not in response.content.decode(), (form.name, visible_text(response)[:2000])
