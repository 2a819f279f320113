"""The conference pathway's public pages: each conference's board, reporting a step, pledging, the emailed links.

MotionPage routes here and hands itself in; this module never imports the page model.
"""

from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.protection import rate_limited
from core.signed_links import BadToken

from . import boards, checking, notices, reminders
from .models.conferences import Conference
from .pathway_forms import PledgeForm, StepForm
from .tokens import PLEDGE_CONFIRM, STEP_CONFIRM, STOP_NOTICES, STOP_REMINDERS
from .views import link_problem, motion_url

# kind in the address: (link, organisers' email template, what the pages call it)
CONFIRMING = {
    "step": (STEP_CONFIRM, "motion/step_organisers", _("news of the motion")),
    "pledge": (PLEDGE_CONFIRM, "motion/pledge_organisers", _("pledge")),
}
# kind in the address: (link, what stopping does, what the pages call it)
STOPPING = {
    "reminders": (STOP_REMINDERS, reminders.stop_reminders, _("reminders of conference deadlines")),
    "notices": (STOP_NOTICES, notices.stop_notices, _("notices during conference week")),
}


def subpage(request, page, name, *args):
    return page.get_url(request) + page.reverse_subpage(name, args=args)


def conference_board(request, page, slug):
    """One conference's board: its deadlines, counts per stage, each body's motion and the delegates' pledges."""
    conference = Conference.objects.select_related("union").filter(slug=slug).first()
    if conference is None:
        raise Http404
    today = timezone.localdate()
    next_deadline = conference.next_deadline(today)
    context = {
        "conference": conference,
        "next_deadline": next_deadline,
        "deadline_days": (next_deadline[1] - today).days if next_deadline else None,
        "has_happened": conference.has_happened(today),
        **boards.board(conference),
    }
    return page.render(request, template="motion/conference_board.html", context_overrides=context)


@require_http_methods(["GET", "HEAD", "POST"])
@rate_limited("motion_report", limit=10, period=3600)
def report_step(request, page):
    """Tell us a step of a passed motion at a conference; the reporter confirms by email, an organiser verifies."""
    initial = {key: request.GET.get(key) for key in ("report", "conference") if request.GET.get(key, "").isdigit()}
    form = StepForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            checking.record(form, "motion/step_confirm", motion_url=motion_url(request, page))
        except IntegrityError:  # a step verified between the check and the save
            form.add_error("stage", _("We already have that step: thank you."))
        else:
            return redirect(subpage(request, page, "pathway_sent", "step"))
    return page.render(request, template="motion/step_form.html", context_overrides={"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@rate_limited("motion_report", limit=10, period=3600)
def pledge(request, page):
    """A conference delegate pledges to support the motion; they confirm by email, an organiser verifies."""
    initial = {"conference": request.GET["conference"]} if request.GET.get("conference", "").isdigit() else {}
    form = PledgeForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            checking.record(form, "motion/pledge_confirm", motion_url=motion_url(request, page))
        except IntegrityError:  # the same address pledged a moment ago
            form.add_error("email", _("This address has already pledged for that conference: one pledge per delegate."))
        else:
            return redirect(subpage(request, page, "pathway_sent", "pledge"))
    return page.render(request, template="motion/pledge_form.html", context_overrides={"form": form})


def pathway_sent(request, page, kind):
    if kind not in CONFIRMING:
        raise Http404
    return page.render(request, template="motion/pathway_sent.html", context_overrides={"kind": kind})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def pathway_confirm(request, page, kind):
    """The emailed link opens a page with one button; only its POST confirms (mail scanners open links)."""
    if kind not in CONFIRMING:
        raise Http404
    link, organisers_template, what = CONFIRMING[kind]
    token = (request.POST if request.method == "POST" else request.GET).get("token", "")
    try:
        record = link.read(token)
    except BadToken:
        return link_problem(request, page)
    if request.method == "POST":
        checking.confirm(record, organisers_template, motion_url=motion_url(request, page))
        confirmed = {"what": what, "kind": kind}
        return page.render(request, template="motion/pathway_confirmed.html", context_overrides=confirmed)
    context = {"what": what, "token": token, "kind": kind}
    return page.render(request, template="motion/pathway_confirm.html", context_overrides=context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def pathway_stop(request, page, kind):
    """A reminder's or a notice's one-click stop: the link opens a page with a button; its POST stops them.

    A mail program's one-click POST (RFC 8058: List-Unsubscribe=One-Click, no Origin, no cookie) keeps the
    token in the address, as core.subscriptions' unsubscribe reads it; the signed token authorises it.
    """
    if kind not in STOPPING:
        raise Http404
    link, stop, what = STOPPING[kind]
    token = (request.POST.get("token") or request.GET.get("token", "")).strip()
    try:
        record = link.read(token)
    except BadToken:
        return link_problem(request, page)
    if request.method == "POST":
        stop(record)
    context = {"what": what, "token": token, "kind": kind, "stopped": request.method == "POST"}
    return page.render(request, template="motion/pathway_stop.html", context_overrides=context)
