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
    assert "5 people and 5 organisations have signed" in text
    assert "10 of 50 signatures, towards our next milestone" in text
    assert "Anytown Trades Union Council" in text
    assert "Priya Placeholder" not in text  # signed privately
    assert page.signatures.filter(kind="organisation").exists()
    organisers = Group.objects.get(name="Campaign organisers")
    assert organisers.permissions.filter(codename="export_signature").exists()
    assert '<a class="action-card" href="/statement/">' in client.get("/").content.decode()


def test_the_demo_thank_you_page_offers_next_steps_to_the_motion_materials_and_events(client):
    call_command("load_demo_content", verbosity=0)
    call_command("load_demo_content", verbosity=0)  # idempotent: the steps are not doubled
    Site.objects.filter(is_default_site=True).update(hostname="testserver")

    html = client.get("/statement/confirm/done/").content.decode()
    assert html.count('<h3 class="action-title">') == 3
    assert '<a href="/motion/">Take the motion to your branch</a>' in html
    assert '<a href="/materials/">Order posters and leaflets</a>' in html
    assert '<a href="/events/">Find an event near you</a>' in html


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
    # 12, and two for the languages (#29): Wagtail's routing looks up the active Locale, and the language
    # switch finds the page's versions in one query.
    assert few <= 14
