"""Bulk review: recent web signatures grouped by network, email domain or hour, bursts first; release or remove.

A group is named by what the review screen shows: a network's keyed hash
(never its address), an email domain, or nothing (every network), and
optionally one hour; other apps add groupings of their own (`add_grouping`:
the stalls group their entries by stall and device). A group's address
carries a keyed hash of its parameters, so only groups the screen (or its
alert email) listed can be opened. Each group is described in words (how
many, from where, over how long, what they share), and every one of its
signatures can be read, a page at a time.

Organisers either release a group's held signatures (their confirmation
emails are queued) or remove the signatures they tick: those not yet
confirmed are ticked to begin with, confirmed ones only by hand, and a
confirmation step says how many go and how each count changes. Removed
signatures are deleted with everything personal, the counts drop in the
same transaction (so `recount_signatures` agrees), and a ReviewDecision with
a RemovedSignature line for each keeps who removed what. Both act on the
rows locked when the decision is made, and only if they are the ones the
organiser was shown, so a signature arriving or confirming meanwhile is
never swept up unseen.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from django.db import transaction
from django.db.models import Count, F, Max, Min, Q, Value
from django.db.models.functions import StrIndex, Substr, TruncHour
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.formats import date_format

from core.emails import queue_email
from core.publish_clock import content_changed

from .models.counter import SignatureCount
from .models.page import StatementPage
from .models.review import RemovedSignature, ReviewDecision
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
PAGE_SIZE = 25  # a group's signatures shown at a time
BATCH = 500  # rows per UPDATE or DELETE: within every database's limit on query parameters
MAX_FLIPPED = 5000  # rows ticked or unticked by hand that one removal carries
NETWORK_KEY = re.compile(r"[0-9a-f]{32}")
HOUR = timedelta(hours=1)
# Why a signature is held, as an organiser would put it.
HELD_REASONS = {
    "network": "many signed from one network within the hour",
    "disposable": "a throwaway email address",
    "stall": "past its stall's limit of entries",
}
# What else a group's signatures share, by grouping: the commonest email domain, network, or both.
SHARED = {"network": ("domain",), "domain": ("network",), "hour": ("network", "domain")}


def is_ambiguous(local):
    """Whether this wall time comes twice in its zone (the hour the clocks go back): then the label says which."""
    return local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset()


def clock(local, zoned):
    """The wall time, with the zone's abbreviation (BST, GMT) when `zoned`: Django's "T" leaves it out just then."""
    return f"{date_format(local, 'H:i')} {local.tzname()}" if zoned else date_format(local, "H:i")


def plural(number, word):
    return f"{number} {word}{'' if number == 1 else 's'}"


def domain_expression():
    """The email domain computed in the database (the part after the @), so grouping needs no stored copy."""
    return Substr(F("email_normalised"), StrIndex(F("email_normalised"), Value("@")) + 1)


def email_domain(address):
    return address.rpartition("@")[2] if "@" in address else ""


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
        "first": Min("created_at"),
        "last": Max("created_at"),
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
            name = f"One network (ref. {self.key[:8]})"
        elif self.by == "domain":
            name = f"Email addresses at {self.key}"
        else:
            name = "All website signatures"
        if self.start is None:
            return f"{name}, last {plural(self.days, 'day')}"
        start, end = timezone.localtime(self.start), timezone.localtime(self.start + HOUR)
        zoned = start.utcoffset() != end.utcoffset() or is_ambiguous(start)
        return f"{name}, {date_format(start, 'D j M Y')}, {clock(start, zoned)}–{clock(end, zoned)}"

    @property
    def source(self):
        """Where its signatures came from, as a sentence says it."""
        if self.by in ADDED_GROUPINGS:
            return f"from this {ADDED_GROUPINGS[self.by].label.lower()}"
        return {"network": "from one network", "domain": f"with {self.key} addresses"}.get(self.by, "on the website")

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


def read_number(params, name, default=None):
    """A whole number a form sent back, or `default` for anything else."""
    value = params.get(name, "")
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 18 else default


def span(first, last):
    """When, in the site's time: "in 20 minutes, 14:02–14:22 on Mon 7 Dec" (or "over 2 days, from ... to ...")."""
    first, last = timezone.localtime(first), timezone.localtime(last)
    minutes = math.ceil((last - first).total_seconds() / 60)
    day = date_format(first, "D j M")
    if minutes <= 1:
        return f"within a minute, at {date_format(first, 'H:i')} on {day}"
    if minutes < 120:
        length = f"in {plural(minutes, 'minute')}"
    elif minutes < 48 * 60:
        length = f"in {plural(round(minutes / 60), 'hour')}"
    else:
        length = f"over {plural(round(minutes / 1440), 'day')}"
    if first.date() == last.date():
        return f"{length}, {date_format(first, 'H:i')}–{date_format(last, 'H:i')} on {day}"
    return f"{length}, from {day} {date_format(first, 'H:i')} to {date_format(last, 'D j M H:i')}"


def describe(group, numbers, shared=()):
    """A group in a sentence: "37 signatures from one network in 20 minutes, 14:02–14:22 on Mon 7 Dec; 30 ..."."""
    if not numbers["total"]:
        return "No signatures left in this group."
    sentence = f"{plural(numbers['total'], 'signature')} {group.source} {span(numbers['first'], numbers['last'])}"
    for what, value, number in shared:
        share = "all of them" if number == numbers["total"] else f"{number} of them"
        sentence += f"; {share} from one network" if what == "network" else f"; {share} at {value} addresses"
    return sentence + "."


def commonest(rows, by_fields, what):
    """{(group's values): (value, n)}: the commonest network or domain in each group, if two or more share it.

    One query for every listed group. `rows` carries `domain` and `hour` when
    `by_fields` or `what` names them.
    """
    counted = rows.exclude(**{what: ""}).values(*by_fields, what).annotate(n=Count("pk")).order_by()
    best = {}
    for row in counted:
        key = tuple(row[name] for name in by_fields)
        found = (row[what], row["n"])
        if row["n"] > 1 and (key not in best or (-found[1], found[0]) < (-best[key][1], best[key][0])):
            best[key] = found
    return best


def shared_by(group, rows):
    """What a group's signatures share beside what grouped them: [(what, value, how many)]."""
    rows = rows.annotate(domain=domain_expression())
    shared = []
    for what in SHARED.get(group.by, ()):
        found = commonest(rows, [], what).get(())
        if found:
            shared.append((what, *found))
    return shared


def groups(by, days):
    """The busiest groups of one kind in the period, each for one hour, bursts first, each described in words.

    One query for the groups and one for what each shares (its commonest domain or network).
    """
    if by in ADDED_GROUPINGS:
        found = ADDED_GROUPINGS[by].groups(days)
        return [{**row, "description": describe(row["group"], row)} for row in found]
    rows = recent(days).annotate(domain=domain_expression(), hour=TruncHour("created_at", tzinfo=UTC))
    fields = {"network": ["network"], "domain": ["domain"]}.get(by, [])
    if fields:
        rows = rows.exclude(**{fields[0]: ""})
    # Hours in UTC: the hour London's clocks repeat each autumn is then two groups, not one that opens half.
    grouped = list(rows.values(*fields, "hour").annotate(**tallies()).order_by("-total", "-hour")[:MAX_GROUPS])
    listed = rows.filter(**{f"{fields[0]}__in": {row[fields[0]] for row in grouped}}) if fields else rows
    shares = {what: commonest(listed, [*fields, "hour"], what) for what in SHARED[by]}
    found = []
    for row in grouped:
        key = row.get("network") or row.get("domain") or ""
        group = Group(by=by, key=key, start=row["hour"], days=days)
        place = tuple(row[name] for name in [*fields, "hour"])
        shared = [(what, *shares[what][place]) for what in SHARED[by] if place in shares[what]]
        found.append({**row, "group": group, "description": describe(group, row, shared)})
    return found


def dry_run(group, upto=None):
    """{total, held, counted, waiting, first, last, newest} in the group now: what releasing or removing would touch.

    `upto`: only the rows up to that id, the ones the organiser was shown.
    """
    rows = group.signatures() if upto is None else group.signatures().filter(pk__lte=upto)
    numbers = rows.aggregate(**tallies(), newest=Max("pk"))
    numbers["waiting"] = numbers["total"] - numbers["held"] - numbers["counted"]
    return numbers


def status(signature):
    """Held, waiting or confirmed: how far a signature has got, as the screen and the audit line name it."""
    if signature.confirmed_at:
        return RemovedSignature.Status.CONFIRMED
    return RemovedSignature.Status.HELD if signature.held_because else RemovedSignature.Status.WAITING


@dataclass(frozen=True)
class Selection:
    """Which of a group's signatures an organiser has ticked to remove, across all its pages.

    `base` says which rows are ticked unless the organiser flipped them by
    hand: "unconfirmed" (the default: confirmed signatures are never ticked
    unless chosen), "all" or "none". `upto` is the newest row they were
    shown, so a signature arriving later is never ticked unseen.
    """

    BASES = ("unconfirmed", "all", "none")

    base: str = "unconfirmed"
    flipped: frozenset = frozenset()
    upto: int = 0

    def ticks(self, signature):
        return self.ticked_by_base(signature) != (signature.pk in self.flipped)

    def ticked_by_base(self, signature):
        return {"unconfirmed": not signature.confirmed_at, "all": True, "none": False}[self.base]

    def rows(self, group):
        """The group's ticked signatures, as a query."""
        flipped = Q(pk__in=sorted(self.flipped))
        if self.base == "all":
            ticked = ~flipped
        elif self.base == "none":
            ticked = flipped
        else:
            unconfirmed = Q(confirmed_at__isnull=True)
            ticked = (unconfirmed & ~flipped) | (~unconfirmed & flipped)
        return group.signatures().filter(ticked, pk__lte=self.upto)

    def with_ticks(self, shown, picked):
        """The selection after the organiser (un)ticked `picked` among the `shown` signatures of one page."""
        flipped = set(self.flipped)
        for signature in shown:
            flipped.discard(signature.pk)
            if self.ticked_by_base(signature) != (signature.pk in picked):
                flipped.add(signature.pk)
        return Selection(base=self.base, flipped=frozenset(flipped), upto=self.upto)

    def params(self):
        return {"base": self.base, "flipped": ".".join(str(pk) for pk in sorted(self.flipped)), "upto": self.upto}


def read_selection(params, upto):
    """The Selection a form sent back (upto: the newest row shown, if the form does not say), or None if garbled."""
    base = params.get("base", "unconfirmed")
    parts = [part for part in params.get("flipped", "").split(".") if part]
    if base not in Selection.BASES or len(parts) > MAX_FLIPPED or not all(part.isdigit() for part in parts):
        return None
    flipped = frozenset(int(part) for part in parts if len(part) <= 18)
    return Selection(base=base, flipped=flipped, upto=read_number(params, "upto", upto or 0))


def removal(group, selection):
    """What removing the ticked signatures would do: their numbers, and each public count it changes (from, to)."""
    rows = selection.rows(group)
    numbers = rows.aggregate(**tallies())
    numbers["waiting"] = numbers["total"] - numbers["held"] - numbers["counted"]
    confirmed = dict(
        rows.filter(confirmed_at__isnull=False).values_list("page_id").annotate(n=Count("pk")).order_by("page_id")
    )
    numbers["counts"] = []
    for page in StatementPage.objects.filter(pk__in=confirmed).order_by("title"):
        before, removed = page.counts()["total"], confirmed[page.pk]
        numbers["counts"].append(
            {"statement": page.title, "before": before, "after": before - removed, "removed": removed}
        )
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


class GroupChanged(Exception):
    """The ticked signatures are no longer the ones the organiser was told of: nothing was done."""


# What the audit line keeps of each removed signature, and what its count and display need.
REMOVED_FIELDS = sorted(
    {"pk", "page_id", "name", "organisation", "role", "town", "email_normalised", "held_because", "created_at"}
    | set(COUNTED_FIELDS)
)


def invalidate(group, user, selection, seen):
    """Delete the ticked signatures if they are still the `seen` (total, counted); returns the decision.

    Raises GroupChanged, having done nothing, if they are not. Those that
    counted stop counting in the same transaction: confirmations are taken
    off each row first, so the delete hook (which uncounts one row at a time)
    has nothing to do, and each counter moves once. Each removed signature
    leaves a RemovedSignature line.
    """
    with transaction.atomic():
        rows = [Signature(**row) for row in selection.rows(group).select_for_update().values(*REMOVED_FIELDS)]
        counted = [row for row in rows if row.confirmed_at]
        if (len(rows), len(counted)) != seen:
            raise GroupChanged
        moves = Counter(
            (row.page_id, key)
            for row in counted
            for key in counted_as(**{name: getattr(row, name) for name in COUNTED_FIELDS})
        )
        decision = ReviewDecision.objects.create(
            made_by=user,
            action=ReviewDecision.Action.INVALIDATE,
            group=group.label,
            signatures=len(rows),
            counted=len(counted),
        )
        titles = dict(StatementPage.objects.filter(pk__in={row.page_id for row in rows}).values_list("pk", "title"))
        RemovedSignature.objects.bulk_create(
            [removed_line(decision, row, titles[row.page_id]) for row in rows], batch_size=BATCH
        )
        pks = [row.pk for row in rows]
        for batch in batches(pks):
            Signature.objects.filter(pk__in=batch).update(confirmed_at=None)
            Signature.objects.filter(pk__in=batch).delete()
        SignatureCount.change({move: -number for move, number in moves.items()})
        if counted:
            content_changed.send(sender=Signature)  # the counts on cached pages change
        return decision


def removed_line(decision, signature, statement):
    return RemovedSignature(
        decision=decision,
        name=signature.display_name,
        town=signature.town,
        email_domain=email_domain(signature.email_normalised),
        statement=statement,
        signed_at=signature.created_at,
        status=status(signature),
    )
