"""The home page's first screen: the demand, the count, the milestone, a bold sign button; then the latest signers."""

import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image
from wagtail.images import get_image_model

from home.featured import with_big_numbers
from statements.models import Signature
from tests.statements.factories import SignatureFactory, StatementPageFactory

pytestmark = pytest.mark.django_db


def hero_picture(width=1600, height=900):
    out = io.BytesIO()
    Image.new("RGB", (width, height), (120, 20, 20)).save(out, "JPEG")
    return get_image_model().objects.create(title="Hero", file=ImageFile(io.BytesIO(out.getvalue()), name="hero.jpg"))


def soup_of(client, path):
    return BeautifulSoup(client.get(path).content, "html.parser")


def count_on(soup):
    """The sentence about who has signed, as read aloud (the numbers' markup aside)."""
    return soup.select_one(".counts .count").get_text()


def test_home_page_leads_with_the_demand_the_count_and_a_sign_button_to_the_form(
    client, home_page, site_settings, statement_page
):
    home_page.title = "Throw out the Tories"
    home_page.save_revision().publish()
    SignatureFactory.create_batch(3, page=statement_page)
    SignatureFactory(page=statement_page, organisation_kind=True)

    hero = soup_of(client, "/").select_one(".hero-text")

    assert hero.h1.get_text() == "Throw out the Tories"
    assert count_on(hero) == "3 people and 1 organisation have signed"
    assert [number.get_text() for number in hero.select(".count .count-number")] == ["3", "1"]
    assert hero.select_one(".hero-action a.button").get_text() == "Sign the statement"
    assert hero.select_one(".hero-action a.button")["href"] == "/statement/#sign"


def test_the_count_and_the_milestone_read_word_for_word_as_on_the_statement(
    client, home_page, site_settings, statement_page
):
    statement_page.milestones = "10, 50"
    statement_page.save_revision().publish()
    SignatureFactory.create_batch(11, page=statement_page)
    SignatureFactory(page=statement_page, organisation_kind=True)

    home, statement = soup_of(client, "/"), soup_of(client, statement_page.url)

    assert count_on(home) == count_on(statement) == "11 people and 1 organisation have signed"
    assert home.select_one(".milestone").get_text(" ", strip=True) == statement.select_one(".milestone").get_text(
        " ", strip=True
    )
    bar = home.select_one(".hero-text progress")
    assert (bar["value"], bar["max"]) == ("12", "50")
    assert "12 of 50 signatures, towards our next milestone" in home.select_one(".milestone label").get_text()


def test_numbers_are_grouped_and_one_signer_has_signed(client, home_page, site_settings, statement_page):
    SignatureFactory(page=statement_page)
    assert count_on(soup_of(client, "/")) == "1 person has signed"
    SignatureFactory.create_batch(1203, page=statement_page, kind=Signature.Kind.PERSON)
    assert count_on(soup_of(client, "/")) == "1,204 people have signed"
    assert soup_of(client, "/").select_one(".count-number").get_text() == "1,204"


def test_without_signatures_both_pages_invite_the_first_in_the_same_words(
    client, home_page, site_settings, statement_page
):
    home = soup_of(client, "/")
    assert count_on(home) == count_on(soup_of(client, statement_page.url)) == "No one has signed yet: be the first"
    assert home.select_one(".hero-action a")["href"] == "/statement/#sign"
    assert home.select_one(".recent-signers") is None


def test_without_a_statement_there_is_no_count_and_no_sign_button(client, home_page, site_settings):
    html = client.get("/").content.decode()
    assert "Sign the statement</a>" not in html
    assert 'class="counts"' not in html
    assert "Recently signed" not in html


def test_the_newest_public_signers_are_listed_as_on_the_statement(client, home_page, site_settings, statement_page):
    now = timezone.now()
    for minutes in range(10, 2, -1):  # eight public signers, the newest last
        SignatureFactory(page=statement_page, name=f"Older {minutes}", confirmed_at=now - timedelta(minutes=minutes))
    SignatureFactory(
        page=statement_page,
        organisation_kind=True,
        organisation="Leeds Trades Council",
        name="Pat Secretary",
        confirmed_at=now - timedelta(minutes=2),
    )
    SignatureFactory(page=statement_page, name="Rosa Example", organisation="Unite", confirmed_at=now)
    SignatureFactory(page=statement_page, name="Private Person", show_publicly=False)
    SignatureFactory(page=statement_page, name="Not Yet Confirmed", unconfirmed=True)

    soup = soup_of(client, "/")
    signers = [item.get_text() for item in soup.select(".recent-signers li")]

    assert signers[:2] == [
        "Rosa Example (Unite, for identification only), Leeds",
        "Leeds Trades Council (Pat Secretary, Secretary), Leeds",
    ]
    assert signers[2:] == ["Older 3, Leeds", "Older 4, Leeds", "Older 5, Leeds", "Older 6, Leeds"]
    assert soup.select_one(".recent-signers a")["href"] == "/statement/signatories/"
    statement_list = soup_of(client, statement_page.url).select(".signatories li")
    assert signers[0] in [item.get_text() for item in statement_list]


def test_home_page_queries_do_not_grow_with_signatures(client, home_page, site_settings, statement_page):
    SignatureFactory(page=statement_page)
    client.get("/")  # warm what is not about signatures (the site root, settings)
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    SignatureFactory.create_batch(300, page=statement_page)
    SignatureFactory.create_batch(30, page=statement_page, organisation_kind=True)
    with CaptureQueriesContext(connection) as many:
        soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert len(many) == len(few)
    assert count_on(soup) == "301 people and 30 organisations have signed"
    read_signatures = [query["sql"] for query in many if '"statements_signature"' in query["sql"]]
    assert len(read_signatures) == 1 and "LIMIT 6" in read_signatures[0]  # the latest few, never a count


def test_hero_picture_is_responsive_webp_and_not_lazy(client, home_page, site_settings, file_storage):
    home_page.hero_image = hero_picture()
    home_page.hero_alt = "Marchers with banners"
    home_page.save_revision().publish()

    html = client.get("/").content.decode()

    picture = html.split("<picture>")[1].split("</picture>")[0]
    assert 'type="image/webp"' in picture
    assert "480w" in picture and "1280w" in picture
    assert 'alt="Marchers with banners"' in picture
    assert 'loading="lazy"' not in picture  # above the fold on a laptop, just under the button on a phone


def test_a_hero_picture_needs_a_description(home_page, file_storage):
    home_page.hero_image = hero_picture()
    home_page.hero_alt = " "
    with pytest.raises(ValidationError) as refused:
        home_page.full_clean()
    assert "hero_alt" in refused.value.message_dict


def test_action_cards_are_one_link_each_with_an_icon(client, home_page, site_settings, statement_page):
    home_page.actions = [
        ("action", {"title": "Sign", "text": "Add your name.", "page": statement_page, "icon": "pen"}),
        ("action", {"title": "Soon", "text": "Nothing to link yet.", "icon": "calendar"}),
    ]
    home_page.save_revision().publish()

    html = client.get("/").content.decode()
    cards = html.split('<ul class="action-list">')[1].split("</ul>")[0].split('<li class="action">')[1:]

    assert cards[0].count("<a ") == 1 and '<a class="action-card" href="/statement/">' in cards[0]
    assert '<svg class="action-icon"' in cards[0] and 'aria-hidden="true"' in cards[0]
    assert "<a " not in cards[1]


def test_big_numbers_leave_what_is_escaped_whole():
    """A sentence's quote marks and angle brackets stay text; only its numbers are marked up."""
    marked = with_big_numbers("1,204 people's <names> and 37 more")
    assert marked == (
        '<span class="count-number">1,204</span> people&#x27;s &lt;names&gt; and '
        '<span class="count-number">37</span> more'
    )


def test_a_closed_statement_gives_way_to_one_still_open_and_when_all_have_closed_shows_its_final_count(
    client, home_page, site_settings, statement_page
):
    SignatureFactory.create_batch(2, page=statement_page)
    statement_page.closes_at = timezone.now() - timedelta(days=1)
    statement_page.save_revision().publish()

    hero = soup_of(client, "/").select_one(".hero-text")
    assert count_on(hero) == "2 people have signed"
    assert hero.select_one(".counts h2").get_text() == "Final count"
    assert hero.select_one(".hero-action a.button").get_text() == "Read the statement"
    assert hero.select_one(".hero-action a.button")["href"] == "/statement/"

    StatementPageFactory(parent=home_page, title="Second statement", slug="second")
    hero = soup_of(client, "/").select_one(".hero-text")
    assert hero.select_one(".hero-action a.button")["href"] == "/second/#sign"
