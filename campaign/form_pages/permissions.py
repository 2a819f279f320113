"""Who reads what people send through form pages: editing a form page is not enough."""

FORM_SUBMISSIONS_PERMISSION = "form_pages.view_form_submissions"

ORGANISER_PERMISSIONS = [FORM_SUBMISSIONS_PERMISSION]
