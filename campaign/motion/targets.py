"""Where to take the motion next: nations, regions and unions with signers but no motion report yet.

Signers are read from the statements' kept counters (one grouped query, never
a COUNT over signatures); reports are counted per region and per union in
two more. Constituencies likewise, from their kept counters (a signature's
constituency is found from its postcode), with the reports that gave a
postcode, the constituencies' names and regions (core.places), and how many
signers there asked to be introduced to each other (campaign.introductions):
four grouped queries, however many constituencies, optionally one region's.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from campaign.introductions.counts import wanting_introductions
from core.places.models import Constituency
from core.regions import Region
from statements.models import SignatureCount, Union
from statements.models.movement import CONSTITUENCY_KEY, REGION_KEY, UNION_KEY

from .models.reports import MotionReport


@dataclass
class Place:
    name: str
    signers: int
    reports: int
    passed: int
    region: str = ""
    wanting_introductions: int = 0


def signer_totals(*prefixes):
    """{counter key: confirmed signers} over every statement, for the keys with these prefixes (regions, unions)."""
    prefixes = prefixes or (REGION_KEY, UNION_KEY)
    matching = Q()
    for prefix in prefixes:
        matching |= Q(kind__startswith=prefix)
    rows = SignatureCount.objects.filter(matching).values("kind").annotate(total=Sum("count"))
    return {row["kind"]: row["total"] for row in rows}


def counted_by(field):
    """{value of `field`: (reports, verified passed reports)}, in one query."""
    passed = Count("pk", filter=Q(verified_at__isnull=False, status__in=MotionReport.PASSED))
    rows = MotionReport.objects.order_by().values(field).annotate(reports=Count("pk"), passed=passed)
    return {row[field]: (row["reports"], row["passed"]) for row in rows}


def chosen(places, only_without_reports):
    kept = [place for place in places if place.signers > 0 and not (only_without_reports and place.reports)]
    return sorted(kept, key=lambda place: (-place.signers, place.name))


def constituencies(only_without_reports=True, region=""):
    """[Place] of constituencies with signers (in `region`, if given): most signers first; by default only those
    from which no body has reported the motion (a report gives its constituency when its reporter gives a
    postcode). Four queries."""
    totals = {key.removeprefix(CONSTITUENCY_KEY): n for key, n in signer_totals(CONSTITUENCY_KEY).items() if n > 0}
    known = Constituency.objects.filter(code__in=totals)
    if region:
        known = known.filter(region=region)
    names = {code: (name, area) for code, name, area in known.values_list("code", "name", "region")}
    by_constituency = counted_by("constituency")
    wanting = wanting_introductions(names)
    regions = dict(Region.choices)
    places = [
        Place(
            name,
            totals[code],
            *by_constituency.get(code, (0, 0)),
            region=regions.get(area, ""),
            wanting_introductions=wanting.get(code, 0),
        )
        for code, (name, area) in names.items()
    ]
    return chosen(places, only_without_reports)


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
    return {"regions": chosen(regions, only_without_reports), "unions": chosen(unions, only_without_reports)}
