"""Anonymising a closed statement's signatures, ANONYMISE_AFTER_MONTHS calendar months (UK time) after signing closed.

What goes, from every signature: the name, the email address (both columns emptied: "" is what a paper
signature without an address already holds, the one-per-address constraint leaves it out, and no address
can be ""), the town, the role, a person's own union branch or group, the network hash. The signed links
(confirm, withdraw) are bound to the address, so emptying it makes every link ever emailed name nothing.
People leave the public list (there is no name left to show). What stays: kind, region, union (and the
other union's name, which names a union, not a person), type of organisation, source, when it was made and
confirmed: every kept count, by kind, region and union, and any recount of them stay exactly as they were.

An organisation listed publicly keeps its name on the closed statement's list: it chose to publish it, the
name is the statement's public record of who backed it (a hand-in names them), and it names no person; the
person who signed for it (name, role, address) goes. An organisation not shown publicly loses its name too.

Consents to updates given when signing stay (the person agreed to updates, which go on until they stop
them), but no longer point at the signature: the link would tie the address to what is left of it.
Signatures never confirmed are deleted: they never counted, and with the statement closed they never will.
The review's record of removed signatures is not touched: forget_removed_signatures deletes it after
REMOVED_SIGNATURE_DAYS.

Each batch is one transaction; a signature anonymised no longer matches `still_personal`, so a run cut off
halfway and run again carries on where it stopped. The statement's `anonymised_at` is set once none is left.
"""

import calendar
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.publish_clock import content_changed
from core.subscriptions.models import Consent

from .models import Signature, StatementPage

BATCH_SIZE = 500

ORGANISATION = Signature.Kind.ORGANISATION
# An organisation on the public list: it keeps its name (the docstring says why).
KEEPS_ITS_NAME = Q(kind=ORGANISATION, show_publicly=True, confirmed_at__isnull=False)
# Everything personal a signature can hold; each is emptied below.
EMPTIED = {"name": "", "email": "", "email_normalised": "", "role": "", "town": "", "network": ""}
# A signature with any of these still holds something to remove (or, unconfirmed, is still to be deleted).
STILL_PERSONAL = (
    Q(confirmed_at__isnull=True)
    | Q(show_publicly=True, kind=Signature.Kind.PERSON)
    | (~Q(organisation="") & ~KEEPS_ITS_NAME)
    | ~Q(**EMPTIED)  # any of them not empty
)


def months_after(moment, months):
    """The same time of day `months` calendar months after `moment`, in UK time; the 31st gives the month's last day."""
    local = timezone.localtime(moment)
    index = local.month - 1 + months
    year, month = local.year + index // 12, index % 12 + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    return timezone.make_aware(local.replace(tzinfo=None, year=year, month=month, day=day))


def due_at(page):
    """When a statement's signatures are due to be anonymised: None while it has no closing time."""
    return months_after(page.closes_at, settings.ANONYMISE_AFTER_MONTHS) if page.closes_at else None


def is_closed(page, now=None):
    return page.closes_at is not None and page.closes_at <= (now or timezone.now())


def is_anonymised(page):
    """Anonymised since it last closed (a statement reopened and closed again is anonymised again)."""
    return page.anonymised_at is not None and page.closes_at is not None and page.anonymised_at >= page.closes_at


def due_statements(now=None):
    """Closed statements whose months are up and which are not anonymised yet, oldest closing first."""
    now = now or timezone.now()
    closed = StatementPage.objects.filter(closes_at__lte=now).order_by("closes_at", "pk")
    return [page for page in closed if not is_anonymised(page) and due_at(page) <= now]


def still_personal(page):
    return Signature.objects.filter(STILL_PERSONAL, page_id=page.pk)


@dataclass
class Plan:
    """What anonymising one statement would do (a dry run, the admin's confirmation)."""

    page: StatementPage
    anonymised: int = 0  # confirmed signatures that lose their details
    deleted: int = 0  # never confirmed: deleted
    names_kept: int = 0  # organisations on the public list, which keep their name


@dataclass
class Outcome(Plan):
    """What a run did, and the statement's kept counts ({key: n}) before and after it."""

    counts_before: dict = field(default_factory=dict)
    counts_after: dict = field(default_factory=dict)

    @property
    def counts_unchanged(self):
        return nonzero(self.counts_before) == nonzero(self.counts_after)


def plan(page):
    rows = still_personal(page)
    return Plan(
        page=page,
        anonymised=rows.filter(confirmed_at__isnull=False).count(),
        deleted=rows.filter(confirmed_at__isnull=True).count(),
        names_kept=rows.filter(KEEPS_ITS_NAME).count(),
    )


class NotClosed(Exception):
    """Only a closed statement is anonymised: an open one may still be signed and confirmed."""


def anonymise(page, batch_size=BATCH_SIZE):
    """Anonymise every signature of `page` that still holds personal details, a batch per transaction.

    Picks up where an interrupted run stopped; an error leaves earlier batches done and `anonymised_at` unset.
    Running it again once done changes nothing (and sets `anonymised_at` again: an editor publishing a
    revision saved before the run puts the page's old, empty value back, and the nightly job mends it).
    """
    if not is_closed(page):
        raise NotClosed(page.title)
    outcome = Outcome(page=page, counts_before=page.counter_totals())
    after_pk = 0  # batches walk up the ids, so a row that somehow stayed personal cannot loop for ever
    while ids := next_batch(page, after_pk, batch_size):
        anonymise_batch(page, ids, outcome)
        after_pk = ids[-1]
    page.anonymised_at = timezone.now()
    StatementPage.objects.filter(pk=page.pk).update(anonymised_at=page.anonymised_at)
    content_changed.send(sender=Signature)  # names leave the cached lists
    outcome.counts_after = page.counter_totals()
    return outcome


def next_batch(page, after_pk, size):
    return list(still_personal(page).filter(pk__gt=after_pk).order_by("pk").values_list("pk", flat=True)[:size])


def anonymise_batch(page, ids, outcome):
    """One batch, in one transaction: delete the never confirmed, unlink consents, empty the personal fields."""
    with transaction.atomic():
        rows = still_personal(page).filter(pk__in=ids).select_for_update()
        counted = list(rows.filter(confirmed_at__isnull=False).values_list("pk", flat=True))
        _, deleted = Signature.objects.filter(pk__in=ids, confirmed_at__isnull=True).delete()
        unlink_consents(counted)
        keeping = Signature.objects.filter(KEEPS_ITS_NAME, pk__in=counted)
        names_kept = keeping.update(**EMPTIED)
        # Counted fields (kind, confirmed_at, region, union) are untouched: no count moves.
        others = Signature.objects.filter(pk__in=counted).exclude(KEEPS_ITS_NAME)
        others.update(**EMPTIED, organisation="", show_publicly=False)
    outcome.anonymised += len(counted)
    outcome.deleted += deleted.get(Signature._meta.label, 0)
    outcome.names_kept += names_kept


def unlink_consents(signature_ids):
    """Consents given when signing stay (updates go on until the person stops them), no longer naming the signature."""
    source_type = ContentType.objects.get_for_model(Signature)
    given = Consent.objects.filter(source_type=source_type, source_id__in=signature_ids)
    given.update(source_type=None, source_id=None)


def nonzero(counts):
    return {key: count for key, count in counts.items() if count}
