"""Form submissions are people's details: only organisers read them, and their downloads are safe.

The submissions list (and its CSV and XLSX downloads) is Wagtail's own view,
made safe with core.exports, with a "Handled" column (a "Mark handled" button
until someone has) and a filter by it. FormPage names it here rather than in models.py
because Wagtail's forms views can only be imported once the app registry is
ready, after the models are loaded.
"""

import django_filters
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from wagtail import hooks
from wagtail.contrib.forms.views import SubmissionsListFilterSet, SubmissionsListView

from core.exports import SafeSpreadsheetExport
from core.menu_badges import menu_badge

from .models import FormPage, HandledSubmission
from .permissions import FORM_SUBMISSIONS_PERMISSION
from .views import mark_handled, not_handled

NOT_HANDLED = "no"


class HandledFilterSet(SubmissionsListFilterSet):
    """The list opens on what still needs doing ("Not handled yet"); "All" is a choice of its own.

    The default is the field's initial value, so Wagtail shows no "active
    filter" to remove for it (removing it would only bring it back).
    """

    handled = django_filters.ChoiceFilter(
        label="Handled",
        choices=[(NOT_HANDLED, "Not handled yet"), ("yes", "Handled"), ("all", "All")],
        method="filter_handled",
        empty_label=None,
        initial=NOT_HANDLED,
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("handled"):
            data = data.copy()
            data["handled"] = NOT_HANDLED
        super().__init__(data, *args, **kwargs)

    def filter_handled(self, queryset, name, value):
        if value == "all":
            return queryset
        return queryset.filter(handled__isnull=value == NOT_HANDLED)


class SafeSubmissionsListView(SafeSpreadsheetExport, SubmissionsListView):
    """Wagtail's submissions list, with a "Handled" column and filter; downloads defuse formulas."""

    filterset_class = HandledFilterSet

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_export:
            return context
        rows = context["data_rows"]
        handled = {
            mark.submission_id: mark
            for mark in HandledSubmission.objects.filter(
                submission_id__in=[row["model_id"] for row in rows]
            ).select_related("handled_by")
        }
        context["data_headings"] = [*context["data_headings"], {"name": "handled", "label": "Handled", "order": None}]
        for row in rows:
            row["fields"] = [*row["fields"], handled_cell(handled.get(row["model_id"]), row["model_id"])]
        return context


def handled_cell(mark, submission_id):
    if mark is None:
        url = reverse("form_pages_mark_handled", args=[submission_id])
        return format_html('<a class="button button-small" href="{}">Mark handled</a>', url)
    by = mark.handled_by.get_full_name() or mark.handled_by.get_username() if mark.handled_by else "someone"
    return f"Handled by {by}, {date_format(localtime(mark.handled_at), 'j M Y')}"


FormPage.submissions_list_view_class = SafeSubmissionsListView


@hooks.register("filter_form_submissions_for_user")
def only_organisers_see_submissions(user, editable_forms):
    """Editing a form page is not enough to read what people sent through it."""
    if user.has_perm(FORM_SUBMISSIONS_PERMISSION):
        return editable_forms
    return editable_forms.none()


@menu_badge("forms")
def unhandled_submissions(request):
    """The Forms menu item counts the submissions not yet handled, on the form pages this user may read."""
    return not_handled(request.user).count()


@hooks.register("register_admin_urls")
def handled_urls():
    return [path("form-submissions/<int:submission_id>/handled/", mark_handled, name="form_pages_mark_handled")]
