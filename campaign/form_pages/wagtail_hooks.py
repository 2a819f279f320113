"""Form submissions are people's details: only organisers read them."""

from wagtail import hooks

from .permissions import FORM_SUBMISSIONS_PERMISSION


@hooks.register("filter_form_submissions_for_user")
def only_organisers_see_submissions(user, editable_forms):
    """Editing a form page is not enough to read what people sent through it."""
    if user.has_perm(FORM_SUBMISSIONS_PERMISSION):
        return editable_forms
    return editable_forms.none()
