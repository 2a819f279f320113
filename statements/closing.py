"""An editor's Close and Reopen of a statement's signing, and the archive of closed statements.

Closing or reopening publishes the page with its new closing time, so the
page's history says who did it and Wagtail's publish empties the page cache
and purges a CDN. The closing time passing is no publish: see closing_cache.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from core.languages import active_language, locale_id
from core.templatetags.language_tags import bcp47

from .models import Signature, SignatureCount, StatementPage, StatementReopening

COUNTED_KINDS = (Signature.Kind.PERSON, Signature.Kind.ORGANISATION)  # the kinds a statement's total adds up


def close_now(page, user):
    """An editor's "Close signing now": the closing time becomes this minute (the edit form shows minutes)."""
    set_closing_time(page, timezone.now().replace(second=0, microsecond=0), user)


def reopen(page, user, reason, closes_at=None):
    """An editor's "Reopen signing", with the reason (required) and perhaps a new closing time; recorded."""
    with transaction.atomic():
        StatementReopening.objects.create(
            page=page, reopened_by=user, reason=reason, closed_at=page.closes_at, closes_at=closes_at
        )
        set_closing_time(page, closes_at, user)


def set_closing_time(page, closes_at, user):
    """Publish the live page with a new closing time, and give a waiting draft the same one.

    A revision of the live content, not an UPDATE: the history shows it and
    Wagtail's publish signals reach the caches. A draft an editor had not
    published stays the latest revision, with the new time, so publishing it
    later does not undo the close.
    """
    with transaction.atomic():
        live = StatementPage.objects.select_for_update().get(pk=page.pk)
        draft = live.get_latest_revision_as_object() if live.has_unpublished_changes else None
        live.closes_at = closes_at
        # Who may is the screens' check (permissions.may_close_signing): organisers close without publishing pages.
        live.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
        if draft is not None:
            draft.closes_at = closes_at
            draft.save_revision(user=user, log_action=True)
    page.closes_at = closes_at


def closed_statements(site, now=None, language=None):
    """The site's live, public statements whose signing has closed, latest closed first, each with `final_count`.

    One entry per statement in every language (#29): the statement is the original (the site's tree in
    the default language), shown as its live translation in `language` (the active one) where an editor
    has translated it, with the original's count and closing time. `in_original_words` is the original's
    `lang` where the entry is in the original's words (no translation yet, or an alias of it), else "".
    """
    now = now or timezone.now()
    pages = list(
        StatementPage.objects.live()
        .public()
        .descendant_of(site.root_page, inclusive=True)
        .filter(closes_at__lte=now)
        .order_by("-closes_at", "pk")
    )
    totals = (
        SignatureCount.objects.filter(page__in=[page.pk for page in pages], kind__in=COUNTED_KINDS)
        .values("page_id")
        .annotate(total=Sum("count"))
    )
    final = {row["page_id"]: row["total"] for row in totals}
    shown = in_language(pages, language or active_language())
    for page in shown:
        page.final_count = final.get(page.counted_page.pk, 0)
    return shown


def in_language(originals, language):
    """Each of `originals` as its live translation in `language` where there is one: one query for them all."""
    wanted = locale_id(language)
    default = locale_id(settings.LANGUAGE_CODE)
    if wanted is None or wanted == default:
        for page in originals:
            page.in_original_words = ""
        return originals
    translations = {
        page.translation_key: page
        for page in StatementPage.objects.live()
        .public()
        .filter(locale_id=wanted, translation_key__in=[page.translation_key for page in originals])
    }
    original_lang = bcp47(settings.LANGUAGE_CODE)
    shown = []
    for original in originals:
        page = translations.get(original.translation_key, original)
        page.counted_page = original  # the cached property: its count and closing time are the original's
        untranslated = page is original or page.alias_of_id is not None
        page.in_original_words = original_lang if untranslated else ""
        shown.append(page)
    return shown


def next_closing(site, now=None):
    """When the next of the site's open statements closes (None if none will): the archive changes then."""
    now = now or timezone.now()
    upcoming = StatementPage.objects.live().public().descendant_of(site.root_page, inclusive=True)
    return upcoming.filter(closes_at__gt=now).order_by("closes_at").values_list("closes_at", flat=True).first()
