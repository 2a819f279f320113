"""The sign form and count in a frame on a partner's website: who may frame them, and signing through them."""

import json
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from statements.models import NamedSource, Signature
from tests.html import visible_text
from tests.statements.factories import SignatureFactory
from tests.statements.visitor import PERSON, confirm, link_in

pytestmark = pytest.mark.django_db

EMBED = "/embed/leeds-tuc/statement/"
# What a browser sends with the POST of a form in the frame: the frame's page is on the site's own origin.
IN_THE_FRAME = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def partner(db):
    return NamedSource.objects.create(
        code="leeds-tuc",
        name="Leeds TUC",
        kind=NamedSource.Kind.PARTNER,
        frame_origins="\n".join(
            [
                "https://leedstuc.example.org",
                "HTTPS://www.leedstuc.example.org/",
                "",
                "https://evil.example; script-src *",
            ]
        ),
    )


def frame_ancestors(response):
    return re.search(r"frame-ancestors ([^;]*)", response["Content-Security-Policy"]).group(1)


def test_the_embed_shows_the_title_count_and_form_without_the_sites_frame(
    client, statement_page, site_settings, partner
):
    SignatureFactory(page=statement_page)
    response = client.get(EMBED)
    assert response.status_code == 200
    html = response.content.decode()
    text = visible_text(html)
    assert "Our statement" in text
    assert "1 person has signed" in text
    assert f'action="{EMBED}" target="_self"' in html  # it answers in the frame
    assert 'name="src" value="leeds-tuc"' in html
    assert "css/embed.css" in html and "css/site.css" not in html
    assert "site-header" not in html and "site-footer" not in html
    assert "shared by Leeds TUC" in text
    assert '<base target="_blank">' in html  # its links open the site in a new tab, not in the frame


def test_only_the_partners_listed_websites_may_frame_it(client, statement_page, site_settings, partner):
    response = client.get(EMBED)
    assert frame_ancestors(response) == "https://leedstuc.example.org https://www.leedstuc.example.org"
    assert "evil" not in response["Content-Security-Policy"]  # a line that is no origin frames nothing
    assert "X-Frame-Options" not in response
    assert "script-src 'self'" in response["Content-Security-Policy"]  # the rest is the site's own policy
    assert response["Content-Security-Policy"].count("script-src") == 1


def test_a_partner_with_no_website_listed_is_framed_by_no_one(client, statement_page, site_settings, partner):
    partner.frame_origins = ""
    partner.save()
    response = client.get(EMBED)
    assert response.status_code == 200  # the organiser can still look at it
    assert frame_ancestors(response) == "'none'"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("code", ["nobody", "poster-run"])
def test_an_unknown_code_or_one_that_is_no_partners_is_not_found(client, statement_page, site_settings, partner, code):
    NamedSource.objects.create(code="poster-run", name="Posters", kind=NamedSource.Kind.POSTER, frame_origins="")
    for address in (f"/embed/{code}/statement/", f"/embed/{code}/statement/count/"):
        response = client.get(address)
        assert response.status_code == 404
        assert frame_ancestors(response) == "'none'"
        assert response["X-Frame-Options"] == "DENY"


def test_every_other_page_is_framed_by_no_one(client, statement_page, site_settings, partner):
    for address in (statement_page.url, "/", f"{statement_page.url}signatories/"):
        response = client.get(address)
        assert frame_ancestors(response) == "'none'", address
        assert response["X-Frame-Options"] == "DENY"


def test_a_cached_embed_keeps_its_partners_framing(client, statement_page, site_settings, partner, settings):
    settings.PAGE_CACHE_SECONDS = 60
    first, second = client.get(EMBED), client.get(EMBED)
    for response in (first, second):
        assert frame_ancestors(response) == "https://leedstuc.example.org https://www.leedstuc.example.org"
        assert "X-Frame-Options" not in response
        assert "public" in response["Cache-Control"]
    assert first.content == second.content
    assert second["X-Page-Cache"] == "hit"
    statement = client.get(statement_page.url)
    assert frame_ancestors(client.get(statement_page.url)) == "'none'"
    assert statement.get("X-Page-Cache") in {"miss", "hit"}


def test_signing_in_the_frame_emails_credits_the_partner_and_counts_once_confirmed(
    client, statement_page, site_settings, partner
):
    response = client.post(EMBED, {**PERSON, "src": "someone-else"}, **IN_THE_FRAME)
    assert response.status_code == 302
    assert response["Location"].startswith("/embed/leeds-tuc/statement/signed/?signature=")

    inbox = client.get(response["Location"])
    assert inbox.status_code == 200
    text = visible_text(inbox)
    assert "Check your inbox" in text
    assert "We’ve sent an email to r•••@example.org" in text
    assert frame_ancestors(inbox).startswith("https://leedstuc.example.org")
    assert "public" not in inbox["Cache-Control"]  # it names the address typed (mostly hidden)
    assert re.search(r'href="/statement/sign/done/\?signature=[^"]+">Correct it on our website', inbox.content.decode())

    signature = Signature.objects.get()
    assert signature.referral_code == "leeds-tuc"  # the frame's partner, whatever the form said
    assert signature.confirmed_at is None
    [message] = mail.outbox
    assert message.to == ["rosa@example.org"] and "Please confirm your signature" in message.subject
    assert "1 person has signed" not in visible_text(client.get(EMBED))

    confirm(client, link_in(message, "confirm"))
    assert "1 person has signed" in visible_text(client.get(EMBED))
    assert "1 person has signed" in visible_text(client.get(f"{EMBED}count/"))


def test_a_post_from_the_partners_own_page_is_refused(client, statement_page, site_settings, partner):
    response = client.post(EMBED, PERSON, HTTP_SEC_FETCH_SITE="cross-site", HTTP_ORIGIN="https://leedstuc.example.org")
    assert response.status_code == 403
    assert not Signature.objects.exists()
    assert not mail.outbox


def test_mistakes_are_shown_in_the_frame(client, statement_page, site_settings, partner):
    response = client.post(EMBED, {**PERSON, "name": "", "email": "not-an-address"}, **IN_THE_FRAME)
    assert response.status_code == 200
    text = visible_text(response)
    assert "There are problems with what you sent" in text
    assert "Your name: Please give your name." in text
    assert frame_ancestors(response).startswith("https://leedstuc.example.org")
    assert "no-store" in response["Cache-Control"]  # it shows what was typed
    assert not Signature.objects.exists()


def test_a_filled_in_honeypot_signs_no_one(client, statement_page, site_settings, partner):
    response = client.post(EMBED, {**PERSON, "website": "http://spam.example"}, **IN_THE_FRAME)
    assert response.status_code == 200
    assert "Please leave this field empty." in visible_text(response)
    assert not Signature.objects.exists()


def test_the_signing_rate_limit_holds_in_the_frame(client, statement_page, site_settings, partner, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign": (2, 3600)}
    for number in range(2):
        assert client.post(EMBED, {**PERSON, "email": f"r{number}@example.org"}, **IN_THE_FRAME).status_code == 302
    refused = client.post(EMBED, {**PERSON, "email": "r3@example.org"}, **IN_THE_FRAME)
    assert refused.status_code == 429
    assert "Please try again in 60 minutes" in visible_text(refused)
    assert frame_ancestors(refused).startswith("https://leedstuc.example.org")
    assert Signature.objects.count() == 2


def test_once_signing_has_closed_the_frame_says_so_and_signs_no_one(client, statement_page, site_settings, partner):
    statement_page.closes_at = timezone.now() - timedelta(days=1)
    statement_page.save_revision().publish()
    assert "Signing has closed" in visible_text(client.get(EMBED))
    response = client.post(EMBED, PERSON, **IN_THE_FRAME)
    assert response.status_code == 410
    assert frame_ancestors(response).startswith("https://leedstuc.example.org")
    assert not Signature.objects.exists()


def test_the_count_alone_links_to_signing_on_the_site_with_the_partners_code(
    client, statement_page, site_settings, partner
):
    SignatureFactory(page=statement_page)
    SignatureFactory(page=statement_page, organisation_kind=True)
    response = client.get(f"{EMBED}count/")
    assert response.status_code == 200
    assert "1 person and 1 organisation have signed" in visible_text(response)
    assert 'href="http://testserver/statement/?src=leeds-tuc#sign"' in response.content.decode()
    assert "<form" not in response.content.decode()
    assert frame_ancestors(response).startswith("https://leedstuc.example.org")


def test_names_are_escaped(client, statement_page, site_settings, partner):
    partner.name = '<script>alert("x")</script> & Co'
    partner.save()
    statement_page.title = "Pay <b>now</b>"
    statement_page.save_revision().publish()
    html = client.get(EMBED).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in html
    assert "<b>now</b>" not in html
    answer = client.get("/oembed/", {"url": "http://testserver/statement/?src=leeds-tuc"}).json()
    assert 'title="Sign: Pay &lt;b&gt;now&lt;/b&gt;"' in answer["html"]


def test_oembed_gives_the_partners_frame(client, statement_page, site_settings, partner):
    response = client.get("/oembed/", {"url": "http://testserver/statement/?src=leeds-tuc", "format": "json"})
    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["type"] == "rich" and answer["version"] == "1.0"
    assert answer["title"] == "Our statement"
    assert answer["provider_name"] == "Test Campaign"
    assert (answer["width"], answer["height"]) == (480, 900)
    assert answer["html"].startswith(
        '<iframe src="http://testserver/embed/leeds-tuc/statement/" title="Sign: Our statement"'
    )
    smaller = client.get("/oembed/", {"url": "http://testserver/embed/leeds-tuc/statement/count/", "maxwidth": "200"})
    assert smaller.json()["width"] == 200
    assert 'src="http://testserver/embed/leeds-tuc/statement/count/"' in smaller.json()["html"]


@pytest.mark.parametrize(
    "query,status",
    [
        ({"url": "http://testserver/statement/"}, 404),  # no partner: no one may frame it
        ({"url": "http://testserver/statement/?src=nobody"}, 404),
        ({"url": "https://elsewhere.example/statement/?src=leeds-tuc"}, 404),
        ({"url": "http://testserver/not-a-statement/?src=leeds-tuc"}, 404),
        ({"url": "http://testserver/statement/?src=leeds-tuc", "format": "xml"}, 501),
        ({"url": "http://[x/statement/?src=leeds-tuc"}, 404),  # no address at all, not a 500
        ({"url": "http://testserver/statement/?src=leeds-tuc", "maxwidth": "²"}, 200),  # a digit int() refuses
        ({}, 404),
    ],
)
def test_oembed_answers_only_for_a_partners_statement(client, statement_page, site_settings, partner, query, status):
    assert client.get("/oembed/", query).status_code == status


def test_a_partners_edited_framing_shows_at_once_on_its_cached_embed(
    client, statement_page, site_settings, partner, settings
):
    settings.PAGE_CACHE_SECONDS = 60
    client.get(EMBED)
    partner.frame_origins = "https://new.leedstuc.example.org"
    partner.save()

    assert frame_ancestors(client.get(EMBED)) == "https://new.leedstuc.example.org"
