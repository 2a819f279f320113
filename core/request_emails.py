"""The email carrying an organiser's message about a request (core.request_models.HandledRequest).

Sent when an organiser changes a request's status and ticks "Email the
requester" (core.request_forms.StatusEmailForm). The message is read from
the record (`last_message`) when the email is sent, since the task carries
only ids; each app registers it with its own template, which words the
subject for its kind of request.
"""

from .emails import Email, site_of
from .site_settings import site_settings_for


def message_to_requester(request, site=None):
    """The organiser's last message to whoever made `request`, answered to the campaign's own address."""
    site_settings = site_settings_for(site=site_of(site))
    contact_email = site_settings.contact_email if site_settings else ""
    context = {
        "site_name": site_settings.campaign_name if site_settings else "",
        "reference": request.pk,
        "message": request.last_message,
        "contact_email": contact_email,
    }
    return Email(to=[request.email], context=context, reply_to=[contact_email])
