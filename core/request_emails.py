"""Emails about a request (core.request_models.HandledRequest): to whoever made it, and to the organisers.

Answers to a request (a change of status with the organiser's message, an
activity rejected or published) all come from the campaign and invite a
reply to its own address; `to_requester` gives them that frame, and each
builder adds what its template says. The message itself is read from the
record when the email is sent, since the task carries only ids.
"""

from .emails import Email, register_email, site_of
from .notify import modeladmin_url, organiser_addresses
from .site_settings import site_settings_for


def to_requester(request, site=None, **context):
    """An email to `request`'s own address, signed by the campaign, with `context` for its template."""
    site_settings = site_settings_for(site=site_of(site))
    contact_email = site_settings.contact_email if site_settings else ""
    context |= {"site_name": site_settings.campaign_name if site_settings else "", "contact_email": contact_email}
    return Email(to=[request.email], context=context, reply_to=[contact_email])


def message_to_requester(request, site=None):
    """The organiser's last message about a request's status (core.request_forms.StatusEmailForm)."""
    return to_requester(request, site, reference=request.pk, message=request.last_message)


def register_status_email(records):
    """Register the status email of a request model (`records`: the model, or a queryset of it) in its emails.py."""
    model = getattr(records, "model", records)
    register_email(model.status_email_template, records, message_to_requester)


def to_organisers(request, site=None, **context):
    """The "a request came in" email to the campaign's address: a reply goes to the requester; links to the admin."""
    context = {"reference": request.pk, "admin_url": modeladmin_url(request)} | context
    return Email(to=organiser_addresses(site=site_of(site)), context=context, reply_to=[request.email])
