"""Where people have signed, as visitors see it: the map and table, and each constituency's page.

WhereSignedPage routes here and hands itself in; this module never imports the page model. Each page
reads the statement's kept counters once; the lists beside them are bounded, so a page costs the same
few queries with ten signatures or a million.
"""

from urllib.parse import urlencode

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone

from campaign.events.listing import soonest_first
from campaign.events.models import EventPage
from campaign.motion.models import MotionReport
from core.page_cache import varies_on_query
from core.places.models import Constituency
from core.regions import Region
from statements.models.movement import CONSTITUENCY_KEY
from statements.views import position_of, read_position, signatory_page

from . import populations, table, tile_map

EVENTS_SHOWN = 10
BODIES_SHOWN = 100


def statement_totals(statement):
    """{key: n} of the statement's kept counters, or nothing when there is no statement."""
    return statement.counter_totals() if statement is not None else {}  # a translation's are the original's


@varies_on_query("q", "sort", "page")
def where_signed(request, page):
    """The map of nations and regions, its table, and the constituencies' table (searched, sorted, paged)."""
    statement = page.statement_page()
    totals = statement_totals(statement)
    query = table.clean_query(request.GET.get("q"))
    sort = table.clean_sort(request.GET.get("sort"))
    rows = table.constituency_rows(totals, query, sort)
    current = table.table_page(rows, request.GET.get("page"))
    kept = {"q": query, "sort": sort if sort != table.DEFAULT_SORT else ""}
    context = {
        "page": page,
        "self": page,
        "statement": statement,
        "figures": tile_map.region_figures(totals),
        "source": populations.SOURCE,
        "source_url": populations.SOURCE_URL,
        "query": query,
        "sort": sort,
        "table_page": current,
        "any_constituencies": bool(rows) or Constituency.objects.exists(),
        "sort_links": {name: table_query(q=query, sort=name) for name in table.SORTS},
        "previous_query": table_query(**kept, page=current.number - 1) if current.has_previous() else "",
        "next_query": table_query(**kept, page=current.number + 1) if current.has_next() else "",
    }
    return TemplateResponse(request, "constituencies/where_signed_page.html", context)


def table_query(**params):
    """A link within the table ("?q=leeds&page=2"): its search, order and page, leaving out what is default."""
    return "?" + urlencode({name: value for name, value in params.items() if value and value != 1})


@varies_on_query("before", "after")
def constituency(request, page, code):
    """One constituency: its count, the public names there, the bodies that passed the motion, its events."""
    place = Constituency.objects.filter(code=code).values("code", "name", "region").first()
    if place is None:
        raise Http404("No constituency has that code.")
    statement = page.statement_page()
    totals = statement_totals(statement)
    signatures, newer_query, older_query = [], "", ""
    if statement is not None:
        rows = statement.counted_page.signatures.listed().filter(constituency=code).exclude(constituency="")
        before = read_position(request.GET.get("before", ""))
        after = None if before else read_position(request.GET.get("after", ""))
        signatures, has_newer, has_older = signatory_page(rows, before, after)
        newer_query = urlencode({"after": position_of(signatures[0])}) if has_newer else ""
        older_query = urlencode({"before": position_of(signatures[-1])}) if has_older else ""
    context = {
        "page": page,
        "self": page,
        "statement": statement,
        "place": place,
        "region_name": dict(Region.choices).get(place["region"], ""),
        "count": max(0, totals.get(CONSTITUENCY_KEY + code, 0)),
        "signatures": signatures,
        "newer_query": newer_query,
        "older_query": older_query,
        "bodies": passed_bodies(code),
        "events": upcoming_events(code),
    }
    return TemplateResponse(request, "constituencies/constituency.html", context)


def passed_bodies(code):
    """Verified reports of bodies in the constituency that passed the motion, latest meeting first."""
    reports = MotionReport.objects.public().filter(constituency=code).select_related("union")
    return list(reports.order_by("-meeting_date", "-pk")[:BODIES_SHOWN])


def upcoming_events(code):
    """The constituency's live, public events that have not ended, soonest first."""
    events = EventPage.objects.live().public().filter(constituency=code, series_end__gte=timezone.now())
    return soonest_first(events, limit=EVENTS_SHOWN)
