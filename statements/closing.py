"""An editor's Close and Reopen of a statement's signing, and the archive of closed statements.

Closing or reopening publishes the page with its new closing time, so the
page's history says who did it and Wagtail's publish empties the page cache
and purges a CDN. The closing time passing is no publish: see closing_cache.
"""

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

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


def closed_statements(site, now=None):
    """The site's live, public statements whose signing has closed, latest closed first, each with `final_count`."""
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
    for page in pages:
        page.final_count = final.get(page.pk, 0)
    return pages


def next_closing(site, now=None):
    """When the next of the site's open statements closes (None if none will): the archive changes then."""
    now = now or timezone.now()
    upcoming = StatementPage.objects.live().public().descendant_of(site.root_page, inclusive=True)
    return upcoming.filter(closes_at__gt=now).order_by("closes_at").values_list("closes_at", flat=True).first()
