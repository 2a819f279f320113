"""Where to take the motion next: nations, regions and unions with signers but no motion report yet.

Signers are read from the statements' kept counters (one grouped query, never
a COUNT over signatures); reports are counted per region and per union in
two more. Constituencies come later, with the postcode lookup.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from core.regions import Region
from statements.models import SignatureCount, Union
from statements.models.movement import REGION_KEY, UNION_KEY

from .models.reports import MotionReport


@dataclass
class Place:
    name: str
    signers: int
    reports: int
    passed: int


def signer_totals():
    """{counter key: confirmed signers} over every statement, for the region and union keys."""
    rows = (
        SignatureCount.objects.filter(Q(kind__startswith=REGION_KEY) | Q(kind__startswith=UNION_KEY))
        .values("kind")
        .annotate(total=Sum("count"))
    )
    return {row["kind"]: row["total"] for row in rows}


def counted_by(field):
    """{value of `field`: (reports, verified passed reports)}."""
    everything = dict(MotionReport.objects.values_list(field).annotate(Count("pk")))
    passed = dict(MotionReport.objects.public().values_list(field).annotate(Count("pk")))
    return {key: (count, passed.get(key, 0)) for key, count in everything.items()}


def targets(only_without_reports=True):
    """{"regions": [Place], "unions": [Place]}: most signers first; by default only places with no report at all."""
    totals = signer_totals()
    by_region, by_union = counted_by("region"), counted_by("union_id")
    regions = [
        Place(label, totals.get(REGION_KEY + code, 0), *by_region.get(code, (0, 0))) for code, label in Region.choices
    ]
    ids = [int(key.removeprefix(UNION_KEY)) for key in totals if key.removeprefix(UNION_KEY).isdigit()]
    names = dict(Union.objects.filter(pk__in=ids).values_list("pk", "name"))
    unions = [Place(name, totals.get(f"{UNION_KEY}{pk}", 0), *by_union.get(pk, (0, 0))) for pk, name in names.items()]

    def chosen(places):
        kept = [place for place in places if place.signers > 0 and not (only_without_reports and place.reports)]
        return sorted(kept, key=lambda place: (-place.signers, place.name))

    return {"regions": chosen(regions), "unions": chosen(unions)}
