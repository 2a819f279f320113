"""The archive of closed statements in Welsh (#29): each statement once, in Welsh where translated, one count."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from statements.models import SignatureCount, StatementPage
from tests.html import visible_text
from tests.statements.factories import StatementPageFactory

pytestmark = pytest.mark.django_db

CLOSED = datetime(2026, 3, 2, 12, 0, tzinfo=ZoneInfo("Europe/London"))


def close(page, when=CLOSED):
    """Closed as the time passing closes it: the original's closing time is behind us."""
    StatementPage.objects.filter(pk=page.pk).update(closes_at=when)
    page.refresh_from_db()
    return page


@pytest.fixture
def closed_pair(statement_page, welsh_statement, site_settings):
    """A closed statement with its Welsh translation, and 3 signatures counted on the original."""
    close(statement_page)
    SignatureCount.objects.create(page=statement_page, kind="person", count=3)
    return statement_page, welsh_statement


def test_the_welsh_archive_lists_the_welsh_translation_once_with_the_shared_count(client, closed_pair):
    english, welsh = closed_pair
    response = client.get("/cy/closed-statements/")
    html, text = response.content.decode(), visible_text(response)
    assert response.status_code == 200
    assert f'href="{welsh.url}"' in html and welsh.url.startswith("/cy/")
    assert f'href="{english.url}"' not in html
    assert text.count(welsh.title) == 1 and english.title not in text
    assert "Cyfrif terfynol: 3" in text  # the original's count, though nobody signed the translation itself
    assert "heb ei chyfieithu eto" not in text


def test_the_english_archive_is_unchanged(client, closed_pair):
    english, welsh = closed_pair
    response = client.get("/closed-statements/")
    html, text = response.content.decode(), visible_text(response)
    assert f'href="{english.url}"' in html and f'href="{welsh.url}"' not in html
    assert "Signing closed on 2 March 2026. Final count: 3 signatures." in text
    assert "not translated yet" not in text


def test_a_statement_not_translated_is_listed_in_its_original_words_and_says_so(client, closed_pair, home_page):
    other = close(
        StatementPageFactory(parent=home_page, slug="older", title="Older statement"), CLOSED - timedelta(days=1)
    )
    SignatureCount.objects.create(page=other, kind="person", count=1)
    response = client.get("/cy/closed-statements/")
    html, text = response.content.decode(), visible_text(response)
    note = '<span class="language-note">(heb ei chyfieithu eto)</span>'
    assert f'<a href="{other.url}" lang="en-GB">Older statement</a> {note}' in html
    assert text.count("Older statement") == 1
    assert text.index(closed_pair[1].title) < text.index("Older statement")  # latest closed first, as in English


def test_the_closing_time_is_the_original_s_not_the_translation_s_own_copy(client, closed_pair):
    english, welsh = closed_pair
    StatementPage.objects.filter(pk=welsh.pk).update(closes_at=timezone.now() + timedelta(days=30))  # never read
    text = visible_text(client.get("/cy/closed-statements/"))
    assert "2 Mawrth 2026" in text and welsh.title in text
