"""Grouping signers who asked by place, and introducing them once three are there (the scheduled job's work).

Each run: every confirmed signature that asks (`introduce_me`), still has its address (anonymising empties
it) and is not held joins the group of each of its places, once per address; a member whose signature
stopped asking is marked withdrawn, so someone who unticks before the introduction is never in it. Then each
group with at least GROUP_SIZE active members introduces every active member not yet introduced, each by
one email with the others' first names; when the group had already been introduced, those introduced before
are told, once, that someone new joined. Each group is one transaction, its row locked, and the emails are
queued in it: a second run (or worker) finds `introduced_at` set and sends nothing again.
"""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from core.emails import queue_email
from statements.models import Signature

from . import places
from .models import GROUP_SIZE, IntroductionGroup, Membership

INTRODUCTION_EMAIL = "introductions/introduction"
JOINED_EMAIL = "introductions/joined"


def asking():
    """Signatures that may be introduced: confirmed, ticked, with an address, not held, oldest first."""
    return (
        Signature.objects.confirmed()
        .filter(introduce_me=True, held_because="")
        .exclude(email_normalised="")
        .select_related("union")
        .only(
            "pk",
            "kind",
            "name",
            "organisation",
            "organisation_type",
            "union__name",
            "union_other",
            "constituency",
            "email_normalised",
        )  # fmt: skip
        .order_by("pk")
    )


def wanted_places():
    """{(kind, key): {address: the address's first signature there}}: one membership per person per place."""
    wanted = defaultdict(dict)
    for signature in asking().iterator(chunk_size=2000):
        for place in places.places_of(signature):
            wanted[place].setdefault(signature.email_normalised, signature)
    return wanted


def groups_for(wanted):
    """{(kind, key): IntroductionGroup}, creating those missing (two queries per kind)."""
    groups = {}
    for kind in IntroductionGroup.Kind.values:
        keys = {key: next(iter(by_address.values())) for (k, key), by_address in wanted.items() if k == kind}
        if not keys:
            continue
        existing = {group.key: group for group in IntroductionGroup.objects.filter(kind=kind, key__in=keys)}
        names = places.names_for(kind, {key: sig for key, sig in keys.items() if key not in existing})
        IntroductionGroup.objects.bulk_create(
            [IntroductionGroup(kind=kind, key=key, name=name) for key, name in names.items()], ignore_conflicts=True
        )
        for group in IntroductionGroup.objects.filter(kind=kind, key__in=keys):
            groups[(kind, group.key)] = group
    return groups


def join(wanted, groups):
    """Add each asking address to its places' groups (an address already in a group is not added twice)."""
    rows = []
    for place, by_address in wanted.items():
        group = groups[place]
        present = set(group.members.values_list("signature__email_normalised", flat=True))
        rows += [
            Membership(group=group, signature=signature)
            for address, signature in by_address.items()
            if address not in present
        ]
    Membership.objects.bulk_create(rows, ignore_conflicts=True)


def mark_withdrawn():
    """Members whose signature no longer asks (unticked, anonymised) are out: before or after their introduction."""
    stopped = Membership.objects.filter(withdrawn_at__isnull=True).exclude(
        pk__in=Membership.objects.active().values("pk")
    )
    return stopped.update(withdrawn_at=timezone.now())


def introduce(group):
    """Introduce the group's new members if it has enough; (introduced, told of them). One transaction."""
    with transaction.atomic():
        group = IntroductionGroup.objects.select_for_update().get(pk=group.pk)
        active = list(group.members.active().order_by("joined_at", "pk"))
        if len(active) < GROUP_SIZE:
            return 0, 0
        new = [member for member in active if member.introduced_at is None]
        if not new:
            return 0, 0
        earlier = [member for member in active if member.introduced_at is not None]
        now = timezone.now()
        Membership.objects.filter(pk__in=[member.pk for member in new]).update(introduced_at=now)
        if group.sent_at is None:
            IntroductionGroup.objects.filter(pk=group.pk).update(sent_at=now)
        for member in new:
            queue_email(INTRODUCTION_EMAIL, member)
        # A digest, one email per earlier member per run, naming everyone new since.
        for member in earlier:
            queue_email(JOINED_EMAIL, member, new=[joined.pk for joined in new])
    return len(new), len(earlier)


def run():
    """The whole job; returns how many introductions were sent."""
    wanted = wanted_places()
    join(wanted, groups_for(wanted))
    mark_withdrawn()
    waiting = IntroductionGroup.objects.filter(members__introduced_at__isnull=True, members__withdrawn_at__isnull=True)
    sent = 0
    for group in waiting.distinct().order_by("pk"):
        sent += introduce(group)[0]
    return sent


def withdraw(email):
    """The person unticked on their own page: every signature of theirs stops asking, and they leave every group."""
    Signature.objects.filter(email_normalised=email).update(introduce_me=False)
    Membership.objects.filter(signature__email_normalised=email, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )


def ask(email):
    """The person ticked on their own page: their confirmed signatures ask; they (re)join at the next run.

    Not a group they left by its own link: someone who left to get away from someone stays away.
    """
    Signature.objects.confirmed().filter(email_normalised=email).update(introduce_me=True)
    Membership.objects.filter(signature__email_normalised=email, left_group=False).update(withdrawn_at=None)


def leave(member):
    """Leave one group (the email's one-click link, or the group's page): no more messages from it."""
    Membership.objects.filter(pk=member.pk, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now(), left_group=True
    )
