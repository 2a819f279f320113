"""Emails from the campaign to whoever made a request (core.request_models.HandledRequest).

Answers to a request (a change of status with the organiser's message, an
activity rejected or published) all come from the campaign and invite a
reply to its own address; `to_requester` gives them that frame, and each
builder adds what its template says. The message itself is read from the
record when the email is sent, since the task carries only ids.
"""

from .emails import Email, site_of
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
