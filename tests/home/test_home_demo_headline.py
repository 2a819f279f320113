"""The demo's home page headline states the statement's demand, and the loader never overrides an editor's."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def demo_home():
    return Site.objects.get(is_default_site=True).root_page.specific


def featured_context(client):
    site = Site.objects.get(is_default_site=True)
    site.hostname = "testserver"
    site.save()
    return BeautifulSoup(client.get("/").content, "html.parser")


def test_the_demo_home_page_leads_with_the_demand_its_count_and_its_latest_signers(client):
    call_command("load_demo_content", verbosity=0)

    soup = featured_context(client)
    statement = BeautifulSoup(client.get("/statement/").content, "html.parser").select_one(".statement").get_text()

    headline = soup.h1.get_text()
    assert headline == "Throw out the Tories: for a Labour victory and working-class demands"
    assert "Labour victory" in statement and "working-class demands" in statement  # the statement's own words
    assert soup.select_one(".hero-text .count").get_text().endswith("have signed")
    assert soup.select_one(".hero-text progress") is not None
    assert len(soup.select(".recent-signers li")) == 6


def test_a_demo_built_under_the_old_headline_takes_the_demand_and_an_editor_s_headline_stays():
    call_command("load_demo_content", verbosity=0)
    home = demo_home()
    home.title = "Support the campaign"
    home.save_revision().publish()

    call_command("load_demo_content", verbosity=0)
    assert demo_home().title == "Throw out the Tories: for a Labour victory and working-class demands"

    home = demo_home()
    home.title = "Scrap the two-child limit"
    home.save_revision().publish()
    call_command("load_demo_content", verbosity=0)
    assert demo_home().title == "Scrap the two-child limit"
