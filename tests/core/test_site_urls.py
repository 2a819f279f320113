"""Links in emails name the Wagtail Site's root URL, whatever Host, port or scheme the request claims.

Otherwise whoever posts a form with a forged Host header (or through a
proxy that passes one on) puts their own site into the confirm, withdraw and
"your data" links that the site emails to someone else, or sends them over
plain http.
"""

import re

import pytest
from django.core import mail
from wagtail.models import Site

from tests.motion.factories import MotionPageFactory
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import PERSON

pytestmark = pytest.mark.django_db

ROOT = "https://campaign.example.org/"
FORGED = {
    "another host": {"HTTP_HOST": "attacker.example"},
    "another port": {"HTTP_HOST": "campaign.example.org:8443"},
    "plain http behind the proxy": {"HTTP_HOST": "campaign.example.org", "HTTP_X_FORWARDED_PROTO": "http"},
}


@pytest.fixture
def site(home_page, settings):
    """The site at https://campaign.example.org behind a proxy that says which requests came by HTTPS."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "campaign.example.org", 443
    site.save()
    return site


def links_in(message):
    """Every whole address in the email, in its text and its HTML."""
    html = "".join(content for content, mimetype in message.alternatives if mimetype == "text/html")
    return re.findall(r"https?://[^\s\"'<>]+", message.body + html)


def assert_every_link_names_the_site(message):
    links = links_in(message)
    assert links, message.body
    assert all(link.startswith(ROOT) for link in links), links


@pytest.mark.parametrize("forged", FORGED.values(), ids=FORGED.keys())
def test_the_confirmation_email_of_a_signature_links_to_the_site(client, site, statement_page, site_settings, forged):
    response = client.post(f"{statement_page.url}sign/", {**PERSON, "keep_informed": "on"}, **forged)
    assert response.status_code == 302
    (message,) = mail.outbox
    assert {"confirm", "withdraw", "your-data"} <= {link.split("/")[-2] for link in links_in(message)}
    assert_every_link_names_the_site(message)


@pytest.mark.parametrize("forged", FORGED.values(), ids=FORGED.keys())
def test_a_fresh_withdraw_link_links_to_the_site(client, site, statement_page, site_settings, forged):
    SignatureFactory(page=statement_page, email="rosa@example.org")
    response = client.post(f"{statement_page.url}change/", {"email": "rosa@example.org", "website": ""}, **forged)
    assert response.status_code == 302
    (message,) = mail.outbox
    assert_every_link_names_the_site(message)


@pytest.mark.parametrize("forged", FORGED.values(), ids=FORGED.keys())
def test_a_motion_reports_confirmation_links_to_the_site(client, site, home_page, site_settings, forged):
    MotionPageFactory(parent=home_page)
    report = {
        "body_name": "Leeds Central branch",
        "body_type": "union",
        "union": "other",
        "union_other": "GMB",
        "region": "yorkshire",
        "status": "passed",
        "meeting_date": "2026-01-05",
        "reporter_role": "Branch Secretary",
        "email": "secretary@example.org",
        "website": "",
    }
    response = client.post("/motion/report/", report, **forged)
    assert response.status_code == 302
    (message,) = mail.outbox
    assert "/motion/report/" in message.body
    assert_every_link_names_the_site(message)
