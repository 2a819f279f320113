"""The organisers' email about a form-builder submission, built when it is sent (see core.emails).

The task carries the id of Wagtail's FormSubmission; the addresses, the
subject and the answers are read from the page and the submission at send
time, so a submission deleted in the admin leaves nothing in the task queue.
"""

from datetime import date, datetime

from django.utils.formats import date_format
from wagtail.contrib.forms.models import FormSubmission

from core.emails import Email, register_email

# Stored answers are JSON: dates come back as ISO strings.
PARSERS = {"date": date.fromisoformat, "datetime": datetime.fromisoformat}


def answer(field, value):
    """An answer as the form builder's own email shows it: lists joined, dates in the short format."""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, str) and value and field.field_type in PARSERS:
        try:
            value = PARSERS[field.field_type](value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return value


def form_submission(submission):
    page = submission.page.specific
    data = submission.form_data
    fields = [field for field in page.get_form_fields() if field.clean_name in data]
    reply_to = [data[field.clean_name] for field in fields if field.field_type == "email" and data[field.clean_name]]
    body = "\n".join(f"{field.label}: {answer(field, data[field.clean_name])}" for field in fields)
    context = {"subject": page.subject or page.title, "page": page.title, "body": body}
    addresses = [address.strip() for address in page.to_address.split(",") if address.strip()]
    return Email(to=addresses, context=context, reply_to=reply_to[:1])


# Registered when core autodiscovers each app's emails module, once the models are loaded.
register_email(
    "form_pages/form_submission", FormSubmission.objects.select_related("page"), form_submission, for_organisers=True
)
