"""The browser tab's title: the page's, then the campaign's name; never the same name twice."""

import re

import pytest

from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def title_of(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_a_page_is_named_before_the_campaign(client, home_page, site_settings):
    ContentPageFactory(parent=home_page, title="Who we are", slug="who")

    assert title_of(client.get("/who/").content.decode()) == f"Who we are | {site_settings.campaign_name}"


def test_a_page_titled_as_the_campaign_names_it_once(client, home_page, site_settings):
    """The statement is often titled with the campaign's own name, as the demo's is."""
    ContentPageFactory(parent=home_page, title=site_settings.campaign_name, slug="same")

    assert title_of(client.get("/same/").content.decode()) == site_settings.campaign_name


def test_an_editors_search_title_wins_and_is_escaped(client, home_page, site_settings):
    ContentPageFactory(parent=home_page, title="Long title", seo_title="Jobs & homes <now>", slug="seo")

    title = title_of(client.get("/seo/").content.decode())

    assert title == f"Jobs &amp; homes &lt;now&gt; | {site_settings.campaign_name}"
