"""A signing while the database refuses connections: a polite 503 with everything typed, and nothing counted twice.

Before, the signer got a bare 500 and their words were gone. The database is
made to refuse by pointing the connection at a port where nothing listens,
as a stopped server or a failover does; PostgreSQL only (an in-memory SQLite
test database cannot be closed and reopened).
"""

import re
from contextlib import contextmanager

import pytest
from django.db import connection

from bench.servers import free_port
from statements.models import Signature, Union
from tests.statements.visitor import PERSON, sign

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): an in-memory SQLite test database cannot refuse connections")


@contextmanager
def database_refusing_connections():
    """Every new connection is refused until the block ends; then the real database is back."""
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(free_port()))
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.update(saved)


def test_a_signing_while_the_database_is_down_answers_503_with_everything_typed(client, statement_page):
    typed = {**PERSON, "name": "Rosa <b>Example</b>", "postcode": "LS6 2AB", "keep_informed": "on"}
    address = statement_page.url
    with database_refusing_connections():
        response = sign(client, statement_page, **typed)
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "60" and "no-store" in response["Cache-Control"]
    assert "We could not save this just now" in html and "try again in a minute" in html
    assert 'value="Rosa &lt;b&gt;Example&lt;/b&gt;"' in html  # shown back, escaped
    for value in ('value="rosa@example.org"', 'value="LS6 2AB"', '<option value="yorkshire" selected>'):
        assert value in html
    assert "checked" in re.search(r'<input[^>]*name="keep_informed"[^>]*>', html).group(0)
    assert f'action="{address}sign/#sign"' in html and "data-retry-when-back=" in html
    assert Signature.objects.count() == 0

    again = sign(client, statement_page, **typed)  # "Try again" (or the page itself) once the database is back
    assert again.status_code == 302
    assert sign(client, statement_page, **typed).status_code == 302  # a second try after all counts once
    assert Signature.objects.count() == 1


def test_an_organisations_union_stays_chosen_while_the_list_cannot_be_read(client, statement_page):
    union = Union.objects.create(name="Unite")
    organisation = {
        **PERSON,
        "kind": "organisation",
        "organisation": "Unite Leeds branch",
        "organisation_type": "union",
        "union": str(union.pk),
    }
    statement_page.url  # noqa: B018 (the page's address is read once the database is back: Wagtail keeps it)
    with database_refusing_connections():
        response = sign(client, statement_page, **organisation)
    html = response.content.decode()
    assert response.status_code == 503
    assert f'<option value="{union.pk}" selected>' in html
    assert 'value="Unite Leeds branch"' in html
    # The choice added for that one form (sign forms share their fields) is in no one else's form.
    assert "The union you chose" in html
    assert "The union you chose" not in client.get(statement_page.url).content.decode()


def test_the_statement_page_itself_is_not_turned_into_the_form(client, statement_page):
    """Only a POST is answered with the form: a GET the page cache cannot serve stays the server's error."""
    address = statement_page.url + "sign/"
    with database_refusing_connections(), pytest.raises(Exception, match="connect"):
        client.get(address)
