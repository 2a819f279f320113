"""The admin pages for importing paper signatures and for reviewing recent ones in bulk (statements.review)."""

import math
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, HttpResponseNotFound
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from . import review
from .batch_codes import read_batch_code
from .imports import UnreadableFile, import_signatures
from .models import ReviewDecision, Signature, StatementPage
from .permissions import EMAIL_PERMISSION, IMPORT_PERMISSION, INVALIDATE_PERMISSION, REVIEW_PERMISSION, VIEW_PERMISSION
from .review import plural

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class ImportForm(forms.Form):
    page = forms.ModelChoiceField(queryset=StatementPage.objects.all(), label="Statement")
    source = forms.ChoiceField(
        choices=[(Signature.Source.PAPER, "Paper sheets"), (Signature.Source.IMPORT, "Another list")],
        initial=Signature.Source.PAPER,
    )
    file = forms.FileField(
        label="CSV file",
        help_text=(
            "Columns: name (required), organisation, role, town, email, kind (person or organisation), "
            "public (yes or no), updates (yes or no: the “send me updates” tick). The first line names the columns."
        ),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is too big: at most 5 MB, please.")
        return uploaded


class BatchImportForm(ImportForm):
    """The import with the sheets' batch code: one file, one run of printed sheets (statements.batch_codes).

    Its own form, so the screens built on ImportForm (an event's, a host's) offer the code only once
    they pass it on to the import.
    """

    batch_code = forms.CharField(
        label="Batch code (optional)",
        required=False,
        max_length=30,
        help_text=(
            "The code printed after “Batch” at the top of the sheets in this file, for example K7QXMP. "
            "Their signatures are then counted under that batch, with those who signed through its QR code."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
    )

    def clean_batch_code(self):
        return read_batch_code(self.cleaned_data["batch_code"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("batch_code") and cleaned.get("source") != Signature.Source.PAPER:
            self.add_error("batch_code", "A batch code is for paper sheets: choose “Paper sheets”, or leave it empty.")
        return cleaned


@permission_required(IMPORT_PERMISSION, raise_exception=True)
def import_paper_signatures(request):
    report = None
    form = BatchImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            imported = import_signatures(data["page"], data["file"], data["source"], batch_code=data["batch_code"])
        except UnreadableFile as problem:
            form.add_error("file", str(problem))
        else:
            report = imported.as_seen(reveal_signers=request.user.has_perm(EMAIL_PERMISSION))
    return TemplateResponse(request, "statements/admin/import.html", {"form": form, "report": report})


@permission_required(REVIEW_PERMISSION, raise_exception=True)
def review_signatures(request):
    """Recent web signatures grouped by network, email domain or hour, bursts first, with what is held.

    With ?decision=<id>: what one removal took away, and who removed it.
    """
    if "decision" in request.GET:
        return removed_by_decision(request)
    by = request.GET.get("by", "network")
    if by not in review.GROUPINGS:
        by = "network"
    days = review.read_days(request.GET)
    context = {
        "by": by,
        "days": days,
        "groupings": review.GROUPINGS,
        "periods": review.PERIODS,
        "groups": review.groups(by, days),
        "held": Signature.objects.held().count(),
        "budget": settings.SIGNING_EMAIL_BUDGET,
        "decisions": ReviewDecision.objects.select_related("made_by")[:10],
    }
    return TemplateResponse(request, "statements/admin/review.html", context)


@dataclass(frozen=True)
class Paging:
    """Which page of `total` rows is shown, PAGE_SIZE at a time: every row is on one of them."""

    number: int
    total: int

    @classmethod
    def of(cls, requested, total):
        pages = max(1, math.ceil(total / review.PAGE_SIZE))
        return cls(number=min(max(1, requested or 1), pages), total=total)

    @property
    def pages(self):
        return max(1, math.ceil(self.total / review.PAGE_SIZE))

    @property
    def offset(self):
        return (self.number - 1) * review.PAGE_SIZE

    @property
    def last_row(self):
        return min(self.total, self.offset + review.PAGE_SIZE)

    @property
    def numbers(self):
        """The pages offered: the first, the last and the two either side of this one (None marks a gap)."""
        near = {1, self.pages, *range(self.number - 2, self.number + 3)}
        shown = sorted(number for number in near if 1 <= number <= self.pages)
        return [
            item
            for before, number in zip([0, *shown], shown, strict=False)
            for item in ([None, number] if number - before > 1 else [number])
        ]

    def rows(self, query):
        return query[self.offset : self.offset + review.PAGE_SIZE]


def removed_by_decision(request):
    decision = ReviewDecision.objects.select_related("made_by").filter(
        pk=review.read_number(request.GET, "decision", 0), action=ReviewDecision.Action.INVALIDATE
    )
    decision = decision.first()
    if decision is None:
        return HttpResponseNotFound("No such removal.", content_type="text/plain; charset=utf-8")
    paging = Paging.of(review.read_number(request.GET, "page", 1), decision.signatures)
    show_names = request.user.has_perm(VIEW_PERMISSION)
    context = {
        "decision": decision,
        "paging": paging,
        "removed": paging.rows(decision.removed.all()) if show_names else [],
        "show_names": show_names,
        "page_url": f"?decision={decision.pk}",
    }
    return TemplateResponse(request, "statements/admin/review_removed.html", context)


@permission_required(REVIEW_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def review_group(request):
    """One group: what it is, every signature in it a page at a time; release the held or remove the ticked.

    Every POST carries the numbers or the rows the organiser saw; if the
    group has changed since (more arrived, some were confirmed), nothing is
    done and the new numbers are shown, so no one acts on signatures they
    have not counted. Removing goes through a page that says what will go.
    """
    source = request.POST if request.method == "POST" else request.GET
    group = review.read_group(source)
    if group is None:
        return HttpResponseBadRequest("No such group of signatures.", content_type="text/plain; charset=utf-8")
    if request.method == "GET":
        return show_group(request, group, page=review.read_number(request.GET, "page", 1))
    action = request.POST.get("action")
    if action == "release":
        return release_group(request, group)
    if action not in ("choose", "invalidate"):
        return HttpResponseBadRequest("No such action.", content_type="text/plain; charset=utf-8")
    if not request.user.has_perm(INVALIDATE_PERMISSION):
        raise PermissionDenied
    selection = review.read_selection(request.POST, upto=None)
    if selection is None:
        return HttpResponseBadRequest("The ticked signatures could not be read.", content_type="text/plain")
    if action == "choose":
        return choose(request, group, selection)
    seen = (review.read_number(request.POST, "seen"), review.read_number(request.POST, "seen_counted"))
    try:
        decision = review.invalidate(group, request.user, selection, seen)
    except review.GroupChanged:
        return show_group(request, group, selection, changed=True)
    counted = f"{decision.counted} had" if decision.counted else "none had"
    messages.success(
        request, f"{plural(decision.signatures, 'signature')} removed; {counted} counted. Each is listed below."
    )
    return redirect(reverse("statements_review") + f"?decision={decision.pk}")


def release_group(request, group):
    numbers = review.dry_run(group)
    if request.POST.get("seen", "") != str(numbers["held"]):
        return show_group(request, group, changed=True)
    released = review.release(group, request.user)
    messages.success(request, f"{plural(released, 'held signature')} released.")
    return redirect(reverse("statements_review") + f"?by={group.by}&days={group.days}")


def choose(request, group, selection):
    """The organiser's ticks on one page are kept; then another page, a fresh set of ticks, or the check."""
    shown = [int(pk) for pk in request.POST.get("shown", "").split(".") if pk.isdigit() and len(pk) <= 18]
    picked = {int(pk) for pk in request.POST.getlist("pick") if pk.isdigit() and len(pk) <= 18}
    rows = group.signatures().filter(pk__in=shown[: review.PAGE_SIZE], pk__lte=selection.upto)
    selection = selection.with_ticks(rows.only("pk", "confirmed_at"), picked)
    page = review.read_number(request.POST, "page", 1)
    go = request.POST.get("go", "")
    if go.startswith("page-"):
        page = review.read_number({"page": go.removeprefix("page-")}, "page", page)
    elif go.removeprefix("tick-") in review.Selection.BASES:
        selection = review.Selection(base=go.removeprefix("tick-"), upto=selection.upto)
    elif go == "check":
        removal = review.removal(group, selection)
        if removal["total"]:
            context = {"group": group, "selection": selection, "removal": removal, "page": page}
            return TemplateResponse(request, "statements/admin/review_confirm.html", context)
        return show_group(request, group, selection, page, notice="No signature is ticked: tick those to remove.")
    return show_group(request, group, selection, page)


def show_group(request, group, selection=None, page=1, changed=False, notice=""):
    """The group's page: its numbers and description, then its signatures, ticked as `selection` says."""
    numbers = review.dry_run(group, selection.upto if selection else None)
    selection = selection or review.Selection(upto=numbers["newest"] or 0)
    can_invalidate = request.user.has_perm(INVALIDATE_PERMISSION)
    # Names and towns only to those who may read signatures; the counts alone are enough to release.
    show_names = request.user.has_perm(VIEW_PERMISSION)
    paging = Paging.of(page, numbers["total"])
    rows = []
    if show_names or can_invalidate:
        listed = group.signatures().filter(pk__lte=selection.upto).order_by("-created_at", "-pk")
        rows = list(paging.rows(listed.select_related("page")))
        for row in rows:
            row.ticked, row.progress = selection.ticks(row), review.status(row).label
            row.reason = review.HELD_REASONS.get(row.held_because, "")
    shared = review.shared_by(group, group.signatures().filter(pk__lte=selection.upto))
    context = {
        "group": group,
        "numbers": numbers,
        "description": review.describe(group, numbers, shared),
        "changed": changed,
        "notice": notice,
        "can_invalidate": can_invalidate,
        "show_names": show_names,
        "show_email": request.user.has_perm(EMAIL_PERMISSION),
        "rows": rows,
        "shown": ".".join(str(row.pk) for row in rows),
        "paging": paging,
        "selection": selection,
        "whole_period": review.Group(by=group.by, key=group.key, days=group.days) if group.key else None,
    }
    return TemplateResponse(request, "statements/admin/review_group.html", context, status=409 if changed else 200)
