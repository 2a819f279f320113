"""The dashboard's "Where signers come from": confirmed signatures by source, last day, last week, in all.

Four small queries whatever the campaign's size or the number of codes anyone made up:

1. the named sources (statements.NamedSource), which organisers keep;
2. the confirmed signatures that carry a code, grouped in the database by what they are
   counted as (a named source's code, a signer's own "s-...", a stall's "stall-...", a batch
   of signature sheets' "sheet-...", or any other code), over the `signature_referral` index
   that holds only rows with a code;
3. all signatures confirmed in the last week, with the last day's among them;
4. the kept totals (SignatureCount) for all time.

"Direct" is what no code brought: all confirmed less those with one (paper, imports and
plain visits). Signers' codes are counted together, never one by one: nobody's own is shown.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Case, CharField, Count, F, Q, Sum, Value, When
from django.urls import reverse
from django.utils import timezone
from laces.components import Component

from . import referrals
from .models import NamedSource, Signature, SignatureCount
from .permissions import VIEW_PERMISSION

# The groups' keys: the prefixes of the codes they gather, and "?" for any other code.
SIGNERS, STALLS, SHEETS, OTHER = referrals.SIGNER_PREFIX, referrals.STALL_PREFIX, referrals.SHEET_PREFIX, "?"
GROUPS = ((STALLS, "Stalls (not named)"), (SHEETS, "Signature sheets (not named)"), (OTHER, "Other codes"))


@dataclass
class SourceRow:
    name: str
    day: int
    week: int
    total: int
    note: str = ""


def counted_as(named_codes):
    """What a coded signature is counted as, worked out in the database: its named code, or its group's key."""
    cases = [When(referral_code__in=named_codes, then=F("referral_code"))] if named_codes else []
    cases += [
        When(referral_code__startswith=referrals.SIGNER_PREFIX, then=Value(SIGNERS)),
        When(referral_code__startswith=referrals.STALL_PREFIX, then=Value(STALLS)),
        When(referral_code__startswith=referrals.SHEET_PREFIX, then=Value(SHEETS)),
    ]
    return Case(*cases, default=Value(OTHER), output_field=CharField())


def source_figures(now=None):
    """[SourceRow] for each named source, the groups and "Direct", most signatures first; and the total row."""
    now = now or timezone.now()
    day_ago, week_ago = now - timedelta(days=1), now - timedelta(days=7)
    organisers = dict(NamedSource.objects.values_list("code", "name"))
    named = {**referrals.BUILT_IN_SOURCES, **organisers}
    counts = {
        row["came_by"]: row
        for row in referrals.coded()
        .filter(confirmed_at__isnull=False)
        .annotate(came_by=counted_as(list(named)))
        .values("came_by")
        .annotate(
            day=Count("pk", filter=Q(confirmed_at__gte=day_ago)),
            week=Count("pk", filter=Q(confirmed_at__gte=week_ago)),
            total=Count("pk"),
        )
        .order_by()
    }
    recent = Signature.objects.filter(confirmed_at__gte=week_ago).aggregate(
        day=Count("pk", filter=Q(confirmed_at__gte=day_ago)), week=Count("pk")
    )
    kinds = SignatureCount.objects.filter(kind__in=Signature.Kind.values).aggregate(total=Sum("count"))
    everything = SourceRow("All confirmed signatures", recent["day"], recent["week"], kinds["total"] or 0)

    def row(key, name, note=""):
        found = counts.get(key, {})
        return SourceRow(name, found.get("day", 0), found.get("week", 0), found.get("total", 0), note)

    rows = [row(code, name) for code, name in named.items() if code in organisers or code in counts]
    rows.append(row(SIGNERS, "Shared by signers", "each signer’s own link, counted together"))
    rows += [row(key, name) for key, name in GROUPS if key in counts]
    direct = [
        max(getattr(everything, period) - sum(found[period] for found in counts.values()), 0)
        for period in ("day", "week", "total")
    ]
    rows.append(SourceRow("Direct", *direct, note="no code: the plain address, paper and imports without one"))
    rows.sort(key=lambda source: (-source.total, -source.week, source.name))
    return rows, everything


class SourcesPanel(Component):
    """After the campaign dashboard on the admin home, for those who may see signatures."""

    name = "signature_sources"
    template_name = "statements/admin/sources_panel.html"
    order = 60

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        rows, everything = source_figures()
        return {
            "rows": rows,
            "everything": everything,
            "sources_url": reverse("wagtailsnippets_statements_namedsource:list"),
            "may_name": self.user.has_perm("statements.add_namedsource"),
        }

    def render_html(self, parent_context=None):
        if not self.user.has_perm(VIEW_PERMISSION):
            return ""
        return super().render_html(parent_context)
