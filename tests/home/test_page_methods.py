"""Pages answer only the HTTP methods they take: GET and HEAD, POST where a form posts; anything else 405."""

import pytest

from tests.home.public_forms import fresh_address, public_forms, saved_rows

pytestmark = pytest.mark.django_db

PAGES = ("/", "/statement/", "/events/london-launch-meeting/", "/motion/", "/get-involved/", "/news/campaign-launched/")
WRITING = ("put", "patch", "delete")


def allowed(response):
    return {method.strip() for method in response["Allow"].split(",")}


def test_put_patch_and_delete_are_refused_by_every_kind_of_page(client, demo_content):
    before = saved_rows()
    for address in PAGES:
        for method in WRITING:
            response = getattr(client, method)(address, "name=x", content_type="application/x-www-form-urlencoded")
            assert response.status_code == 405, (address, method)
            assert "PUT" not in allowed(response) and "GET" in allowed(response), address
    assert saved_rows() == before


def test_the_plain_addresses_beside_the_pages_are_read_only(client, demo_content):
    for address in ("/statement.json", "/events.ics", "/events/london-launch-meeting.ics", "/qr/statement.svg"):
        for method in WRITING:
            assert getattr(client, method)(address).status_code == 405, (address, method)
        assert client.get(address).status_code == 200, address


def test_options_names_only_the_methods_an_address_takes(client, demo_content):
    assert allowed(client.options("/")) == {"GET", "HEAD", "OPTIONS"}
    assert allowed(client.options("/statement/")) == {"GET", "HEAD", "OPTIONS"}
    assert allowed(client.options("/motion/")) == {"GET", "HEAD", "POST", "OPTIONS"}
    assert allowed(client.options("/get-involved/")) == {"GET", "HEAD", "POST", "OPTIONS"}
    assert allowed(client.options("/events/london-launch-meeting/rsvp/")) == {"GET", "HEAD", "POST", "OPTIONS"}
    assert client.options("/statement/").content == b""


def test_a_post_to_a_page_without_a_form_is_refused_not_rendered(client, demo_content):
    for address in ("/", "/statement/", "/events/", "/news/", "/statement/signatories/"):
        response = client.post(address, {"name": "x"}, REMOTE_ADDR=fresh_address())
        assert response.status_code == 405, address
        assert allowed(response) == {"GET", "HEAD", "OPTIONS"}, address


def test_reading_every_page_and_posting_every_form_still_work(client, demo_content):
    for address in PAGES:
        assert client.get(address).status_code == 200, address
        head = client.head(address)
        assert head.status_code == 200 and head.content == b"", address
    for form in public_forms():
        before = saved_rows()
        response = client.post(form.path, form.submission(), REMOTE_ADDR=fresh_address())
        assert response.status_code in (200, 302), form.name
        assert saved_rows() != before or form.adds_no_row, form.name
