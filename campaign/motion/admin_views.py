"""The motion tracker's bulk verify screen: confirmed reports waiting for an organiser, ticked and verified at once.

wagtail-modeladmin lists have no bulk actions, so this is a small admin view
of its own, in the "Requests" menu beside the reports' list. Verifying needs
the permission to change reports; it happens only on POST.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from . import tracker
from .models.reports import MotionReport

CHANGE_PERMISSION = "motion.change_motionreport"


class VerifyForm(forms.Form):
    reports = forms.ModelMultipleChoiceField(
        queryset=MotionReport.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Tick at least one report to verify."},
    )
    verification = forms.ChoiceField(
        label="How you checked them",
        choices=MotionReport.Verification.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say how you checked them: by phone, or a second officer confirmed."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reports"].queryset = waiting()


def waiting():
    """Reports whose reporter confirmed the email and that no organiser has verified yet, oldest first."""
    return MotionReport.objects.waiting_for_verification().select_related("union").order_by("created")


def verify_reports(request):
    if not request.user.has_perm(CHANGE_PERMISSION):
        raise PermissionDenied
    form = VerifyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ids = [report.pk for report in form.cleaned_data["reports"]]
        count = tracker.verify(MotionReport.objects.filter(pk__in=ids), request.user, form.cleaned_data["verification"])
        messages.success(request, f"{count} report{'s' if count != 1 else ''} verified: now on the public list.")
        return redirect("motion_verify_reports")
    reports = list(waiting())
    # Ticked: what the organiser ticked before a mistake, or the report whose "Verify" button opened this screen.
    ticked = set(request.POST.getlist("reports") if request.method == "POST" else request.GET.getlist("report"))
    return TemplateResponse(
        request,
        "motion/admin/verify_reports.html",
        {"form": form, "reports": reports, "ticked": ticked, "title": "Verify motion reports"},
    )
