"""Form submissions are people's details: only organisers read them, and their downloads are safe.

The submissions list (and its CSV and XLSX downloads) is Wagtail's own view,
made safe with core.exports. FormPage names it here rather than in models.py
because Wagtail's forms views can only be imported once the app registry is
ready, after the models are loaded.
"""

from wagtail import hooks
from wagtail.contrib.forms.views import SubmissionsListView

from core.exports import SafeSpreadsheetExport

from .models import FormPage
from .permissions import FORM_SUBMISSIONS_PERMISSION


class SafeSubmissionsListView(SafeSpreadsheetExport, SubmissionsListView):
    """Wagtail's submissions list, whose downloads defuse formulas typed into a public form."""


FormPage.submissions_list_view_class = SafeSubmissionsListView


@hooks.register("filter_form_submissions_for_user")
def only_organisers_see_submissions(user, editable_forms):
    """Editing a form page is not enough to read what people sent through it."""
    if user.has_perm(FORM_SUBMISSIONS_PERMISSION):
        return editable_forms
    return editable_forms.none()
