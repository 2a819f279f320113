"""What the public sees of the pathway: each conference's board, and the pathway on the motion page.

Only verified steps and pledges count. A few queries whatever the number of
reports: the steps with their bodies in one, the links between composited
motions in one, the pledges' delegations in one.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count
from django.utils.translation import gettext_lazy

from .models.conferences import AffiliatedBody, Conference
from .models.pathway import STAGE_RANK, PathwayStep
from .models.pledges import DelegatePledge

Stage = PathwayStep.Stage
# The stages as the board and the motion page count them, in order.
SHOWN_STAGES = [Stage.SUBMITTED, Stage.ACCEPTED, Stage.COMPOSITED, Stage.DEBATED, Stage.RESULT, Stage.RULED_OUT]


@dataclass
class BodyOnBoard:
    """One body's motion at one conference: its verified steps, and where it stands now."""

    report: object
    steps: dict = field(default_factory=dict)  # stage: step

    @property
    def latest(self):
        return max(self.steps.values(), key=lambda step: (STAGE_RANK[step.stage], step.happened_on))

    def step(self, stage):
        return self.steps.get(stage)

    @property
    def submitted(self):
        return self.steps.get(Stage.SUBMITTED)

    @property
    def composited(self):
        return self.steps.get(Stage.COMPOSITED)

    @property
    def result(self):
        return self.steps.get(Stage.RESULT)


@dataclass
class Tally:
    delegations: int = 0
    members: int = 0

    @property
    def about(self):
        """The members rounded to two figures: a card vote is known roughly, and this reads at a glance."""
        if self.members < 100:
            return self.members
        digits = len(str(self.members)) - 2
        return round(self.members, -digits)


def stage_counts(steps):
    """{stage: number of bodies} for verified steps."""
    counts = dict.fromkeys(SHOWN_STAGES, 0)
    for step in steps:
        counts[step.stage] += 1
    return [(gettext_lazy(Stage(stage).label), stage, counts[stage]) for stage in SHOWN_STAGES]


def board(conference):
    """The bodies whose motion went to `conference`, furthest along first, with counts and the pledges' tally."""
    steps = list(
        PathwayStep.objects.verified()
        .filter(conference=conference)
        .select_related("report__union")
        .prefetch_related("composited_with_reports")
        .order_by("happened_on", "pk")
    )
    bodies = {}
    for step in steps:
        bodies.setdefault(step.report_id, BodyOnBoard(step.report)).steps[step.stage] = step
    ordered = sorted(bodies.values(), key=lambda body: (-STAGE_RANK[body.latest.stage], body.report.body_name))
    return {
        "bodies": ordered,
        "counts": stage_counts(steps),
        "tally": tallies([conference.pk]).get(conference.pk, Tally()),
    }


def tallies(conference_ids):
    """{conference id: Tally} of verified pledges: distinct delegations and their affiliated members."""
    pairs = (
        DelegatePledge.objects.verified()
        .filter(conference_id__in=conference_ids)
        .values_list("conference_id", "body_id", "body__affiliated_membership")
        .order_by()  # the model's ordering would join the DISTINCT and count a delegation once per delegate
        .distinct()
    )
    result = {}
    for conference_id, _body, members in pairs:
        tally = result.setdefault(conference_id, Tally())
        tally.delegations += 1
        tally.members += members
    return result


@dataclass
class ConferenceOnPathway:
    conference: Conference
    counts: list
    tally: Tally
    next_deadline: tuple | None


def pathway(today, recent_days=60):
    """The motion page's pathway: conferences to come (or lately over) with counts per stage and the next deadline."""
    conferences = list(
        Conference.objects.filter(ends_on__gte=today - timedelta(days=recent_days)).select_related("union")
    )
    ids = [conference.pk for conference in conferences]
    rows = (
        PathwayStep.objects.verified()
        .filter(conference_id__in=ids)
        .values("conference_id", "stage")
        .annotate(bodies=Count("report_id", distinct=True))
    )
    by_conference = {}
    for row in rows:
        by_conference.setdefault(row["conference_id"], dict.fromkeys(SHOWN_STAGES, 0))[row["stage"]] = row["bodies"]
    tally = tallies(ids)
    return [
        ConferenceOnPathway(
            conference=conference,
            counts=[
                (gettext_lazy(Stage(stage).label), stage, by_conference.get(conference.pk, {}).get(stage, 0))
                for stage in SHOWN_STAGES
            ],
            tally=tally.get(conference.pk, Tally()),
            next_deadline=conference.next_deadline(today),
        )
        for conference in conferences
    ]


def next_deadline(conferences_on_pathway, today):
    """The soonest deadline still to come across the conferences: (conference, what, date, days to it), or None."""
    upcoming = [
        (c.next_deadline[1], c.conference, c.next_deadline[0]) for c in conferences_on_pathway if c.next_deadline
    ]
    if not upcoming:
        return None
    date, conference, what = min(upcoming, key=lambda item: item[0])
    return conference, what, date, (date - today).days


def listed_bodies():
    return AffiliatedBody.objects.order_by("name")
