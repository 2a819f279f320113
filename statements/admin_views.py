"""The admin pages for importing paper signatures and for reviewing recent ones in bulk (statements.review)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from . import review
from .imports import UnreadableFile, import_signatures
from .models import ReviewDecision, Signature, StatementPage
from .permissions import EMAIL_PERMISSION, IMPORT_PERMISSION, INVALIDATE_PERMISSION, REVIEW_PERMISSION, VIEW_PERMISSION

SAMPLE_SIZE = 20  # signatures of a group shown by name, to judge it by

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
            "public (yes or no). The first line names the columns."
        ),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is too big: at most 5 MB, please.")
        return uploaded


@permission_required(IMPORT_PERMISSION, raise_exception=True)
def import_paper_signatures(request):
    report = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            imported = import_signatures(
                form.cleaned_data["page"], form.cleaned_data["file"], form.cleaned_data["source"]
            )
        except UnreadableFile as problem:
            form.add_error("file", str(problem))
        else:
            report = imported.as_seen(reveal_signers=request.user.has_perm(EMAIL_PERMISSION))
    return TemplateResponse(request, "statements/admin/import.html", {"form": form, "report": report})


@permission_required(REVIEW_PERMISSION, raise_exception=True)
def review_signatures(request):
    """Recent web signatures grouped by network, email domain or hour, bursts first, with what is held."""
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
        "decisions": ReviewDecision.objects.select_related("made_by")[:10],
    }
    return TemplateResponse(request, "statements/admin/review.html", context)


@permission_required(REVIEW_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def review_group(request):
    """One group: a dry-run count and a sample, then release its held signatures or invalidate it all.

    The form carries the number the organiser saw; if the group has changed
    since (more arrived, some were confirmed), nothing is done and the new
    numbers are shown, so no one acts on signatures they have not counted.
    """
    source = request.POST if request.method == "POST" else request.GET
    group = review.read_group(source)
    if group is None:
        return HttpResponseBadRequest("No such group of signatures.", content_type="text/plain; charset=utf-8")
    numbers = review.dry_run(group)
    changed = False
    can_invalidate = request.user.has_perm(INVALIDATE_PERMISSION)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "invalidate" and not can_invalidate:
            raise PermissionDenied
        seen = request.POST.get("seen", "")
        expected = numbers["held"] if action == "release" else numbers["total"]
        if action not in ("release", "invalidate") or seen != str(expected):
            changed = True
        elif action == "release":
            released = review.release(group, request.user)
            messages.success(request, f"{released} held signature{'s' if released != 1 else ''} released.")
            return redirect(reverse("statements_review") + f"?by={group.by}&days={group.days}")
        else:
            decision = review.invalidate(group, request.user)
            messages.success(
                request,
                f"{decision.signatures} signature{'s' if decision.signatures != 1 else ''} invalidated; "
                f"{decision.counted} had counted and no longer do.",
            )
            return redirect(reverse("statements_review") + f"?by={group.by}&days={group.days}")
    # Names and towns only to those who may read signatures; the counts alone are enough to release.
    show_names = request.user.has_perm(VIEW_PERMISSION)
    sample = group.signatures().order_by("-created_at").select_related("page")[:SAMPLE_SIZE] if show_names else []
    context = {
        "group": group,
        "numbers": numbers,
        "changed": changed,
        "can_invalidate": can_invalidate,
        "show_names": show_names,
        "sample": sample,
        "show_email": request.user.has_perm(EMAIL_PERMISSION),
        "whole_period": review.Group(by=group.by, key=group.key, days=group.days) if group.key else None,
    }
    return TemplateResponse(request, "statements/admin/review_group.html", context, status=409 if changed else 200)
