"""The campaign dashboard on the admin home: how signing goes, and what waits for an organiser.

It costs a fixed number of small queries whatever the campaign's size:
totals come from the kept counters, the last 30 days from one grouped query
over that window, and each waiting list from one COUNT of its "new" rows.
Each figure shows only to users who may open the list it links to, so plain
editors see none of it.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from laces.components import Component

from campaign.events.models import EventSubmission
from campaign.form_pages.permissions import FORM_SUBMISSIONS_PERMISSION
from campaign.form_pages.views import not_handled
from campaign.hosts.models import HostMessage, PaperReport
from campaign.materials.models import PrintOrder
from campaign.motion.models import DelegatePledge, MotionReport, PathwayStep, SpeakerRequest
from core.health import email_queue
from statements.models import Signature, SignatureCount
from statements.permissions import REVIEW_PERMISSION

CHART_DAYS = 30
WEEK = 7
BAR_PITCH = 10  # chart units per day; the bars are 8 wide with a gap of 2


@dataclass
class Waiting:
    """One list an organiser works through: how many items need doing, and the list filtered to them."""

    label: str
    count: int
    url: str


def day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def signatures_by_day(days=CHART_DAYS):
    """[(date, confirmed signatures that day)] for the last `days` days, oldest first, in one query."""
    today = timezone.localdate()
    first = today - timedelta(days=days - 1)
    rows = (
        Signature.objects.filter(confirmed_at__gte=day_start(first))
        .annotate(day=TruncDate("confirmed_at", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(signed=Count("pk"))
    )
    counted = {row["day"]: row["signed"] for row in rows}
    return [(day, counted.get(day, 0)) for day in (first + timedelta(days=n) for n in range(days))]


def signature_figures():
    """Totals by kind (kept counters), today, this week, the 30-day chart and those awaiting confirmation."""
    totals = {row["kind"]: row["total"] for row in SignatureCount.objects.values("kind").annotate(total=Sum("count"))}
    people = totals.get(Signature.Kind.PERSON) or 0
    organisations = totals.get(Signature.Kind.ORGANISATION) or 0
    days = signatures_by_day()
    return {
        "people": people,
        "organisations": organisations,
        "total": people + organisations,
        "today": days[-1][1],
        "week": sum(signed for _, signed in days[-WEEK:]),
        "waiting": Signature.objects.awaiting_confirmation().count(),
        "chart": chart(days),
        "list_url": reverse("statements_signature_modeladmin_index"),
    }


def may_view(user, model):
    return user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


def chart(days):
    """Bars for an SVG 100 units high, scaled to the busiest day, with the figures for the table beside it."""
    most = max((signed for _, signed in days), default=0) or 1
    bars = []
    for n, (day, signed) in enumerate(days):
        height = round(signed * 100 / most)
        bars.append({"day": day, "signed": signed, "x": n * BAR_PITCH + 1, "y": 100 - height, "height": height})
    return {"width": len(days) * BAR_PITCH, "bars": bars}


def modeladmin_list(model, **filters):
    """The model's admin list, filtered as its list_filter links would filter it."""
    meta = model._meta
    query = "&".join(f"{name}__exact={value}" for name, value in filters.items())
    return reverse(f"{meta.app_label}_{meta.model_name}_modeladmin_index") + (f"?{query}" if query else "")


def waiting_lists(user):
    """The request lists this user may open, each with how many items are new."""
    waiting = []
    for label, model in [
        ("Submitted activities", EventSubmission),
        ("Print orders", PrintOrder),
        ("Speaker requests", SpeakerRequest),
    ]:
        if may_view(user, model):
            new = model.Status.NEW
            waiting.append(Waiting(label, model.objects.filter(status=new).count(), modeladmin_list(model, status=new)))
    if user.has_perm(FORM_SUBMISSIONS_PERMISSION):  # each form's list opens on those not handled
        waiting.append(Waiting("Form submissions", not_handled(user).count(), reverse("wagtailforms:index")))
    if may_view(user, MotionReport):
        count = MotionReport.objects.waiting_for_verification().count()
        waiting.append(Waiting("Motion reports to verify", count, reverse("motion_verify_reports")))
    for label, model, kind in [
        ("Conference steps to verify", PathwayStep, "steps"),
        ("Delegates' pledges to verify", DelegatePledge, "pledges"),
    ]:
        if user.has_perm(f"motion.change_{model._meta.model_name}"):
            count = model.objects.waiting_for_verification().count()
            waiting.append(Waiting(label, count, reverse("motion_verify_pathway", args=[kind])))
    if may_view(user, HostMessage):
        held = HostMessage.objects.filter(status=HostMessage.Status.HELD).count()
        waiting.append(Waiting("Hosts' messages to approve", held, modeladmin_list(HostMessage, status="held")))
    if may_view(user, PaperReport):
        count = PaperReport.objects.filter(imported_at__isnull=True).count()
        waiting.append(Waiting("Paper counts from hosts to import", count, modeladmin_list(PaperReport)))
    if user.has_perm(REVIEW_PERMISSION):
        waiting.append(
            Waiting("Signatures held for review", Signature.objects.held().count(), reverse("statements_review"))
        )
    return waiting


def where_to_go_next(user):
    """The places with signers but no motion report (campaign/motion's target list), for those who may see reports."""
    return reverse("motion_targets") if may_view(user, MotionReport) else None


class CampaignDashboardPanel(Component):
    """First on the admin home for organisers; absent for users who may see none of its figures."""

    class Media:
        css = {"all": ["home/dashboard.css"]}

    name = "campaign_dashboard"
    template_name = "home/dashboard_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {
            "signatures": signature_figures() if may_view(self.user, Signature) else None,
            "waiting": waiting_lists(self.user),
            "motion_targets": where_to_go_next(self.user),
            # In a surge this says whether confirmations go out in time (as /health/ does, for a monitor).
            "email_queue": email_queue() if may_view(self.user, Signature) else None,
        }
