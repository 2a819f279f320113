"""A statement's signing closes at its closing time: the form goes, a POST saves nothing, confirming still counts.

Editors set the time, close at once or reopen (with a reason, recorded) from
the statement's edit screen; closed statements are listed at /closed-statements/;
no cache shows the open form once the time has passed, though that is no publish.
"""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from wagtail.blocks.base import BlockField
from wagtail.models import PageViewRestriction

from core.page_cache import forget_local
from statements.closing_forms import PAST, PAST_CLOSING
from statements.models import Signature, StatementPage, StatementReopening
from tests.conftest import make_user
from tests.html import visible_text
from tests.statements.factories import SignatureFactory, StatementPageFactory
from tests.statements.visitor import PERSON, confirm, link_in, sign

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def close(page, when=None):
    """Close `page` as the time passing does: its closing time is simply behind us (no Close action, no publish)."""
    StatementPage.objects.filter(pk=page.pk).update(closes_at=when or timezone.now() - timedelta(minutes=1))
    page.refresh_from_db()
    return page


def has_sign_form(response):
    return "data-signing" in response.content.decode()


def test_a_closed_statement_shows_the_final_count_where_the_form_was(client, statement_page, site_settings):
    SignatureFactory.create_batch(3, page=statement_page)
    # 00:30 on 1 July in London is still 30 June in UTC: the date shown is London's.
    close(statement_page, datetime(2026, 7, 1, 0, 30, tzinfo=LONDON))

    response = client.get(statement_page.url)

    text = visible_text(response)
    assert not has_sign_form(response)
    assert "Signing closed on 1 July 2026. Final count: 3" in text
    assert 'href="/closed-statements/"' in response.content.decode()
    assert 'href="#sign"' not in response.content.decode()  # no "Sign the statement" jump to a form that is gone


def test_a_closed_statement_nobody_signed_does_not_ask_to_be_the_first(client, statement_page, site_settings):
    close(statement_page, datetime(2026, 7, 1, 12, 0, tzinfo=LONDON))

    text = visible_text(client.get(statement_page.url))

    assert "Final count: 0" in text
    assert "Be the first to sign" not in text


def test_an_open_statement_with_a_closing_time_still_takes_signatures(client, statement_page, site_settings):
    close(statement_page, timezone.now() + timedelta(hours=1))

    assert has_sign_form(client.get(statement_page.url))
    assert sign(client, statement_page).status_code == 302
    assert Signature.objects.filter(email=PERSON["email"]).exists()


def test_signing_a_closed_statement_answers_politely_and_saves_and_loses_nothing(client, statement_page, site_settings):
    before = SignatureFactory(page=statement_page, email="early@example.org")
    close(statement_page)

    for response in (sign(client, statement_page), sign(client, statement_page, email="early@example.org")):
        assert response.status_code == 410
        assert "Signing has closed" in visible_text(response)
        assert "we have not saved your signature" in visible_text(response)

    assert list(Signature.objects.all()) == [before]
    assert statement_page.counts()["total"] == 1
    assert mail.outbox == []


def test_correcting_an_address_after_the_close_saves_nothing(client, statement_page, site_settings):
    signed = sign(client, statement_page, email="typo@exmaple.org")
    token = re.search(r"signature=([^&]+)", signed["Location"]).group(1)
    close(statement_page)

    response = client.post("/statement/sign/correct/", {"email": "right@example.org", "token": token})

    assert response.status_code == 410
    assert list(Signature.objects.values_list("email", flat=True)) == ["typo@exmaple.org"]


def test_a_signature_made_before_the_close_is_confirmed_and_counted_after_it(client, statement_page, site_settings):
    sign(client, statement_page)
    close(statement_page)

    assert confirm(client, link_in(mail.outbox[0], "confirm")).status_code == 302

    assert Signature.objects.get().is_confirmed
    assert statement_page.counts()["total"] == 1
    assert "Final count: 1" in visible_text(client.get(statement_page.url))


def test_the_archive_lists_closed_statements_with_final_counts_and_dates(client, home_page, site_settings):
    older = StatementPageFactory(parent=home_page, slug="older", title="Older statement")
    close(older, datetime(2026, 3, 2, 12, 0, tzinfo=LONDON))
    SignatureFactory.create_batch(2, page=older)
    newer = close(StatementPageFactory(parent=home_page, slug="newer", title="Newer statement"))
    SignatureFactory(page=newer)
    StatementPageFactory(parent=home_page, slug="open", title="Open statement")
    private = close(StatementPageFactory(parent=home_page, slug="private", title="Members' statement"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = close(StatementPageFactory(parent=home_page, slug="draft", title="Draft statement"))
    draft.unpublish()

    response = client.get("/closed-statements/")

    text = visible_text(response)
    assert response.status_code == 200
    assert text.index("Newer statement") < text.index("Older statement")
    assert "Signing closed on 2 March 2026. Final count: 2 signatures." in text
    assert "Final count: 1 signature." in text
    assert 'href="/older/"' in response.content.decode()
    for absent in ("Open statement", "Members' statement", "Draft statement"):
        assert absent not in text


def test_the_archive_says_when_nothing_has_closed(client, statement_page, site_settings):
    assert "No statement has closed yet." in visible_text(client.get("/closed-statements/"))


# The page cache: closing by the clock is no publish, so nothing would empty it then.


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 30
    settings.PAGE_CACHE_LOCAL_SECONDS = 1
    settings.PUBLIC_CACHE_MAX_AGE = 0
    settings.PUBLIC_CACHE_S_MAXAGE = 30


def test_no_cached_copy_shows_the_open_form_after_the_closing_time(
    client, statement_page, site_settings, page_cache_on
):
    closes_at = timezone.now() + timedelta(minutes=10)
    close(statement_page, closes_at)
    far = client.get(statement_page.url), client.get(statement_page.url)
    assert [response["X-Page-Cache"] for response in far] == ["miss", "hit"]  # cached as usual, ten minutes ahead

    for seconds_before in (90, 60, 20, 1):
        with time_machine.travel(closes_at - timedelta(seconds=seconds_before)):
            forget_local()  # time_machine moves the wall clock, not the monotonic one a process keeps its second by
            near = client.get(statement_page.url)
            assert has_sign_form(near)
            assert "X-Page-Cache" not in near  # not stored: a stored copy would outlive the closing
            max_age = int(re.search(r"s-maxage=(\d+)", near["Cache-Control"]).group(1))
            assert seconds_before - 2 <= max_age < seconds_before  # nor kept by a browser or CDN beyond it

    with time_machine.travel(closes_at + timedelta(milliseconds=1)):
        forget_local()
        after = client.get(statement_page.url)
        assert not has_sign_form(after)
        assert "Signing closed on" in visible_text(after)
        again = client.get(statement_page.url)
        assert again["X-Page-Cache"] == "hit" and not has_sign_form(again)  # closed: cached as usual again


def test_the_archive_is_kept_in_no_cache_past_the_next_closing(client, statement_page, site_settings, page_cache_on):
    closes_at = timezone.now() + timedelta(seconds=30)
    close(statement_page, closes_at)
    assert "No statement has closed yet." in visible_text(client.get("/closed-statements/"))

    with time_machine.travel(closes_at + timedelta(milliseconds=1)):
        forget_local()
        assert "Our statement" in visible_text(client.get("/closed-statements/"))


# The editor's side: the closing time on the edit form, Close signing now, Reopen signing.


def closing_errors(page, closes_at, user):
    """The edit form's errors for the closing time, as the edit screen would show them.

    Built from the page's own edit handler rather than posted whole: only the closing field is at issue,
    and other panels (the timeline's) add inline forms this test need not know.
    """
    form_class = StatementPage.get_edit_handler().get_form_class()
    options = {"instance": page, "parent_page": page.get_parent(), "for_user": user}
    typed = timezone.localtime(closes_at).strftime("%Y-%m-%d %H:%M") if closes_at else ""  # UK time, as typed
    data = {"title": page.title, "slug": page.slug, "closes_at": typed}
    for name, field in form_class(**options).fields.items():
        if isinstance(field, BlockField):
            data[f"{name}-count"] = "0"  # an empty StreamField, which reads its count
    form = form_class(data, **options)
    form.is_valid()
    return form.errors.get("closes_at", [])


def test_a_closing_time_in_the_past_is_refused_unless_the_page_had_it_already(statement_page, superuser):
    past = timezone.localtime(timezone.now() - timedelta(days=1)).replace(second=0, microsecond=0)

    assert closing_errors(statement_page, past, superuser) == [PAST_CLOSING]
    assert closing_errors(statement_page, timezone.now() + timedelta(days=7), superuser) == []
    assert closing_errors(statement_page, None, superuser) == []

    close(statement_page, past + timedelta(seconds=27))  # closed by "Close signing now", to the second
    assert closing_errors(statement_page, past, superuser) == []  # it saves with its time unchanged, as shown
    assert closing_errors(statement_page, past - timedelta(days=1), superuser) == [PAST_CLOSING]


def edit_screen(client, page):
    return client.get(f"/admin/pages/{page.pk}/edit/")


def test_an_editor_closes_signing_now_and_the_form_goes(client, statement_page, site_settings, superuser):
    client.force_login(superuser)
    assert "Signing is open" in visible_text(edit_screen(client, statement_page))

    asked = client.get(f"/admin/statements/{statement_page.pk}/close-signing/")
    assert "Close signing “Our statement” now?" in visible_text(asked)
    assert not StatementPage.objects.get(pk=statement_page.pk).is_closed()  # asking changed nothing

    done = client.post(f"/admin/statements/{statement_page.pk}/close-signing/")

    assert done["Location"] == f"/admin/pages/{statement_page.pk}/edit/"
    page = StatementPage.objects.get(pk=statement_page.pk)
    assert page.is_closed() and not page.has_unpublished_changes
    assert page.live_revision.user == superuser  # a publish: the page's history says who
    client.logout()
    assert not has_sign_form(client.get(statement_page.url))
    assert "Our statement" in visible_text(client.get("/closed-statements/"))


def test_closing_keeps_a_waiting_draft_and_gives_it_the_closing_time(client, statement_page, superuser):
    draft = statement_page.get_latest_revision_as_object()
    draft.title = "Our statement, reworded"
    draft.save_revision(user=superuser)
    client.force_login(superuser)

    client.post(f"/admin/statements/{statement_page.pk}/close-signing/")

    page = StatementPage.objects.get(pk=statement_page.pk)
    assert page.title == "Our statement" and page.is_closed()
    latest = page.get_latest_revision_as_object()
    assert page.has_unpublished_changes
    assert latest.title == "Our statement, reworded" and latest.closes_at == page.closes_at


def test_reopening_asks_why_and_records_who_when_and_the_new_closing_time(
    client, statement_page, site_settings, superuser
):
    close(statement_page)
    closed_at = statement_page.closes_at
    client.force_login(superuser)
    url = f"/admin/statements/{statement_page.pk}/reopen-signing/"
    assert "Reopen signing" in visible_text(edit_screen(client, statement_page))

    no_reason = client.post(url, {"reason": "  ", "closes_at": ""})
    assert "Please say why signing is reopening." in visible_text(no_reason)
    past = client.post(url, {"reason": "More time", "closes_at": "2020-01-01 10:00"})
    assert PAST in visible_text(past) and "Close signing now" not in visible_text(past)
    assert StatementPage.objects.get(pk=statement_page.pk).is_closed()

    new_time = timezone.localtime(timezone.now() + timedelta(days=14)).replace(second=0, microsecond=0)
    client.post(url, {"reason": "The conference moved.", "closes_at": new_time.strftime("%Y-%m-%d %H:%M")})

    page = StatementPage.objects.get(pk=statement_page.pk)
    assert not page.is_closed() and page.closes_at == new_time
    reopening = StatementReopening.objects.get()
    assert (reopening.page_id, reopening.reopened_by, reopening.reason) == (page.pk, superuser, "The conference moved.")
    assert reopening.closed_at == closed_at and reopening.closes_at == new_time
    assert "“The conference moved.”" in visible_text(edit_screen(client, page))
    client.logout()
    assert has_sign_form(client.get(page.url))


def test_only_those_who_may_publish_the_statement_close_or_reopen_it(client, statement_page, editor):
    """Wagtail's Editors may edit but not publish: closing is a publish."""
    client.force_login(editor)
    for action in ("close-signing", "reopen-signing"):
        response = client.post(f"/admin/statements/{statement_page.pk}/{action}/", {"reason": "x"})
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or response["Location"] == "/admin/"
    assert not StatementPage.objects.get(pk=statement_page.pk).is_closed()
    assert not StatementReopening.objects.exists()


def test_a_moderator_may_close_a_statement(client, statement_page):
    moderator = make_user("mod", groups=["Moderators"])
    client.force_login(moderator)
    client.post(f"/admin/statements/{statement_page.pk}/close-signing/")
    assert StatementPage.objects.get(pk=statement_page.pk).is_closed()
