"""The demo statement, and pages that cost the same however many have signed."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from statements.models import StatementPage
from tests.html import visible_text
from tests.statements.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def test_demo_has_the_statement_signatures_and_organisers_group(client):
    call_command("load_demo_content", verbosity=0)
    Site.objects.filter(is_default_site=True).update(hostname="testserver")
    page = StatementPage.objects.get(slug="statement")

    text = visible_text(client.get("/statement/"))
    assert "Another Tory government" in text
    assert "8 signatures: 3 organisations and 5 people" in text
    assert "Anytown Trades Union Council" in text
    assert "Priya Placeholder" not in text  # signed privately
    assert page.signatures.filter(kind="organisation").exists()
    organisers = Group.objects.get(name="Campaign organisers")
    assert organisers.permissions.filter(codename="export_signature").exists()
    assert '<a class="action-card" href="/statement/">' in client.get("/").content.decode()


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["", "signatories/", "signatories/?kind=person&page=2"])
def test_statement_pages_use_the_same_queries_for_10_and_300_signatures(client, statement_page, site_settings, path):
    SignatureFactory.create_batch(10, page=statement_page)
    SignatureFactory.create_batch(3, page=statement_page, organisation_kind=True)
    url = statement_page.url + path
    client.get(url)  # warm caches that are not about signatures (site root, settings)
    few = queries_for(client, url)
    SignatureFactory.create_batch(300, page=statement_page)
    SignatureFactory.create_batch(30, page=statement_page, organisation_kind=True)
    assert queries_for(client, url) == few
    assert few <= 12
