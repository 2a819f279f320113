"""Marking a form submission handled: a confirmation page (GET) and the change itself (POST only).

Only users who may read the submissions of that form page may mark them
(the same rule as Wagtail's submissions list, with the hook in
wagtail_hooks.py); marking twice changes nothing.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.forms.utils import get_forms_for_user

from .models import HandledSubmission


def not_handled(user):
    """The submissions still to deal with, on the form pages this user may read (for the badge and dashboard)."""
    return FormSubmission.objects.filter(page__in=get_forms_for_user(user), handled__isnull=True)


@require_http_methods(["GET", "POST"])
def mark_handled(request, submission_id):
    submission = get_object_or_404(FormSubmission, pk=submission_id)
    if not get_forms_for_user(request.user).filter(pk=submission.page_id).exists():
        raise PermissionDenied
    list_url = reverse("wagtailforms:list_submissions", args=[submission.page_id])
    if request.method == "POST":
        HandledSubmission.objects.get_or_create(submission=submission, defaults={"handled_by": request.user})
        when = date_format(submission.submit_time, "j F Y, H:i")
        messages.success(request, _("Submission of %(when)s marked handled.") % {"when": when})
        return redirect(list_url)
    page = submission.page.specific_deferred
    context = {
        "submission": submission,
        "list_url": list_url,
        "page": page,
        "handled": HandledSubmission.objects.filter(submission=submission).exists(),
        "page_title": _("Mark handled"),
        "page_subtitle": page.title,
        "header_title": _("Mark handled"),
        "header_icon": "form",
    }
    return TemplateResponse(request, "form_pages/admin/mark_handled.html", context)
