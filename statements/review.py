"""Bulk review: recent web signatures grouped by network, email domain or hour, bursts first; release or invalidate.

A group is named by what the review screen shows: a network's keyed hash
(never its address), an email domain, or nothing (every network), and
optionally one hour; other apps add groupings of their own (`add_grouping`:
the stalls group their entries by stall and device). A group's address
carries a keyed hash of its parameters, so only groups the screen (or its
alert email) listed can be opened. Organisers see a dry-run count, then either release its
held signatures (their confirmation emails are queued) or invalidate it:
its signatures are deleted with everything personal, the counts drop in the
same transaction (so `recount_signatures` agrees), and a ReviewDecision
keeps the audit line. Both act on the rows locked when the decision is
made, so a signature arriving meanwhile is not swept up unseen.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from django.db import transaction
from django.db.models import Count, F, Q, Value
from django.db.models.functions import StrIndex, Substr, TruncHour
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.formats import date_format

from core.emails import queue_email
from core.publish_clock import content_changed

from .models.counter import SignatureCount
from .models.review import ReviewDecision
from .models.signature import COUNTED_FIELDS, HELD, Signature, counted_as
from .signing import statement_url

GROUPINGS = {"network": "Network", "domain": "Email domain", "hour": "Hour"}
# Groupings other apps add (add_grouping), by name: each has `label`, `is_key(key)`, `name(key)`,
# `rows(key)` (its signatures, any date), `groups(days)` (rows of tallies() with a "group") and
# `release(signatures)`, which does for its held rows what a release means there (`on_release` says it).
ADDED_GROUPINGS = {}
PERIODS = (1, 2, 7, 30)  # days back the screen looks (network hashes are kept NETWORK_HASH_DAYS)
DEFAULT_DAYS = 2
MAX_GROUPS = 50
BATCH = 500  # rows per UPDATE or DELETE: within every database's limit on query parameters
NETWORK_KEY = re.compile(r"[0-9a-f]{32}")
HOUR = timedelta(hours=1)


def is_ambiguous(local):
    """Whether this wall time comes twice in its zone (the hour the clocks go back): then the label says which."""
    return local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset()


def clock(local, zoned):
    """The wall time, with the zone's abbreviation (BST, GMT) when `zoned`: Django's "T" leaves it out just then."""
    return f"{date_format(local, 'H:i')} {local.tzname()}" if zoned else date_format(local, "H:i")


def domain_expression():
    """The email domain computed in the database (the part after the @), so grouping needs no stored copy."""
    return Substr(F("email_normalised"), StrIndex(F("email_normalised"), Value("@")) + 1)


def add_grouping(by, grouping):
    """Offer another way of grouping signatures on the review screen (an app's AppConfig.ready calls this)."""
    ADDED_GROUPINGS[by] = grouping
    GROUPINGS[by] = grouping.label


def since(days):
    return timezone.now() - timedelta(days=days)


def recent(days):
    """Web signatures of the last `days` days: paper sheets and imports come in bulk by nature."""
    return Signature.objects.filter(source=Signature.Source.WEB, created_at__gte=since(days))


def group_signature(params):
    """A keyed hash of a group's parameters: the screen makes it, and a group without it does not open."""
    text = "&".join(f"{name}={params[name]}" for name in sorted(params))
    return salted_hmac("statements.review.group", text).hexdigest()[:32]


def tallies():
    """Aggregates every group listing and dry run shows, in the same query as the grouping."""
    return {
        "total": Count("pk"),
        "held": Count("pk", filter=HELD),
        "counted": Count("pk", filter=Q(confirmed_at__isnull=False)),
    }


@dataclass(frozen=True)
class Group:
    by: str
    key: str = ""  # a network's hash or an email domain; "" when grouping by hour
    start: datetime | None = None  # the hour, or None for the whole period
    days: int = DEFAULT_DAYS
    name: str = field(default="", compare=False)  # a name the listing already read; else the grouping says it

    @property
    def label(self):
        if self.by in ADDED_GROUPINGS:
            name = self.name or ADDED_GROUPINGS[self.by].name(self.key)
        elif self.by == "network":
            name = f"Network {self.key[:8]}"
        elif self.by == "domain":
            name = f"Email domain {self.key}"
        else:
            name = "Every network"
        if self.start is None:
            return f"{name}, last {self.days} day{'s' if self.days != 1 else ''}"
        start, end = timezone.localtime(self.start), timezone.localtime(self.start + HOUR)
        zoned = start.utcoffset() != end.utcoffset() or is_ambiguous(start)
        return f"{name}, {date_format(start, 'D j M Y')}, {clock(start, zoned)}–{clock(end, zoned)}"

    @property
    def on_release(self):
        """What releasing does to each held signature, as the screen says it."""
        if self.by in ADDED_GROUPINGS:
            return ADDED_GROUPINGS[self.by].on_release
        return "gets its confirmation email now, and counts once its signer confirms."

    def params(self):
        params = {"by": self.by, "days": self.days}
        if self.key:
            params["key"] = self.key
        if self.start is not None:
            params["start"] = int(self.start.timestamp())
        return params | {"sig": group_signature(params)}

    @property
    def url(self):
        return reverse("statements_review_group") + "?" + urlencode(self.params())

    def signatures(self):
        if self.by in ADDED_GROUPINGS:
            rows = ADDED_GROUPINGS[self.by].rows(self.key).filter(created_at__gte=since(self.days))
        else:
            rows = recent(self.days)
        if self.by == "network":
            rows = rows.filter(network=self.key)
        elif self.by == "domain":
            rows = rows.alias(domain=domain_expression()).filter(domain=self.key)
        if self.start is not None:
            rows = rows.filter(created_at__gte=self.start, created_at__lt=self.start + HOUR)
        return rows


def read_group(params):
    """The Group named by query or form parameters, or None if they name none or were not made by the screen."""
    by = params.get("by", "")
    key = params.get("key", "")
    if by not in GROUPINGS:
        return None
    if by in ADDED_GROUPINGS and not ADDED_GROUPINGS[by].is_key(key):
        return None
    if by == "network" and not NETWORK_KEY.fullmatch(key):
        return None
    if by == "domain" and not (0 < len(key) <= 254 and key.isprintable() and " " not in key):
        return None
    if by == "hour":
        key = ""
    days = read_days(params)
    start = None
    if params.get("start"):
        try:
            # In UTC, as the hour is then an hour long: + HOUR to London's wall time is two hours once a year.
            start = datetime.fromtimestamp(int(params["start"]), tz=UTC)
        except (ValueError, OverflowError, OSError):
            return None
    elif by == "hour":
        return None
    group = Group(by=by, key=key, start=start, days=days)
    if not constant_time_compare(params.get("sig", ""), group.params()["sig"]):
        return None
    return group


def read_days(params):
    try:
        days = int(params.get("days", DEFAULT_DAYS))
    except ValueError:
        return DEFAULT_DAYS
    return days if days in PERIODS else DEFAULT_DAYS


def groups(by, days):
    """The busiest groups of one kind in the period, each for one hour: bursts first. One query."""
    if by in ADDED_GROUPINGS:
        return ADDED_GROUPINGS[by].groups(days)
    rows = recent(days)
    fields = []
    if by == "network":
        rows, fields = rows.exclude(network=""), ["network"]
    elif by == "domain":
        rows, fields = rows.annotate(domain=domain_expression()).exclude(domain=""), ["domain"]
    # Hours in UTC: the hour London's clocks repeat each autumn is then two groups, not one that opens half.
    grouped = rows.annotate(hour=TruncHour("created_at", tzinfo=UTC)).values(*fields, "hour").annotate(**tallies())
    found = []
    for row in grouped.order_by("-total", "-hour")[:MAX_GROUPS]:
        key = row.get("network") or row.get("domain") or ""
        found.append({**row, "group": Group(by=by, key=key, start=row["hour"], days=days)})
    return found


def dry_run(group):
    """{total, held, counted, waiting} in the group now: what releasing or invalidating would touch."""
    numbers = group.signatures().aggregate(**tallies())
    numbers["waiting"] = numbers["total"] - numbers["held"] - numbers["counted"]
    return numbers


def batches(items):
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def release(group, user):
    """Release the group's held signatures (for web ones: queue each one's confirmation email); returns how many."""
    with transaction.atomic():
        pks = list(group.signatures().held().select_for_update().values_list("pk", flat=True))
        release_rows = ADDED_GROUPINGS[group.by].release if group.by in ADDED_GROUPINGS else ask_to_confirm
        for batch in batches(pks):
            release_rows(Signature.objects.filter(pk__in=batch).select_related("page"))
        ReviewDecision.objects.create(
            made_by=user, action=ReviewDecision.Action.RELEASE, group=group.label, signatures=len(pks)
        )
    return len(pks)


def ask_to_confirm(signatures):
    """A held web signature's release: it is no longer held, and its signer is asked to confirm."""
    signatures = list(signatures)
    Signature.objects.filter(pk__in=[signature.pk for signature in signatures]).update(held_because="")
    urls = {}
    for signature in signatures:
        if signature.page_id not in urls:
            urls[signature.page_id] = statement_url(signature.page)
        queue_email("statements/confirm", signature, statement_url=urls[signature.page_id])


def invalidate(group, user):
    """Delete the group's signatures; those that counted stop counting in the same transaction. Returns the decision.

    Confirmations are taken off each row first, so the delete hook (which
    uncounts one row at a time) has nothing to do, and the counts drop by one
    UPDATE per statement and counter (kind, region, union) instead of one per signature.
    """
    with transaction.atomic():
        rows = list(group.signatures().select_for_update().values("pk", "page_id", *COUNTED_FIELDS))
        pks = [row.pop("pk") for row in rows]
        counted = [row for row in rows if row["confirmed_at"]]
        moves = Counter((row["page_id"], key) for row in counted for key in counted_as(**without_page(row)))
        for batch in batches(pks):
            Signature.objects.filter(pk__in=batch).update(confirmed_at=None)
            Signature.objects.filter(pk__in=batch).delete()
        for page_id in sorted({page_id for page_id, _ in moves}):  # each statement's counters in the lock order
            SignatureCount.add_all(page_id, {key: -number for (page, key), number in moves.items() if page == page_id})
        if counted:
            content_changed.send(sender=Signature)  # the counts on cached pages change
        return ReviewDecision.objects.create(
            made_by=user,
            action=ReviewDecision.Action.INVALIDATE,
            group=group.label,
            signatures=len(pks),
            counted=len(counted),
        )


def without_page(row):
    return {name: value for name, value in row.items() if name != "page_id"}
