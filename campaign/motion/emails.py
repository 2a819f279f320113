"""The emails about a speaker invitation, built when they are sent from it (see core.emails).

The acknowledgement to the person says only what the site itself words (the
reference and whether in person or online). Anyone can type anyone's address
into the form, so it never repeats what they typed; the organisers' email,
to the campaign's own address, has it all.
"""

from core.emails import Email, register_email, site_of
from core.notify import modeladmin_url, organiser_addresses
from core.site_settings import site_settings_for

from .models.speakers import SpeakerRequest


def received(speaker_request, site=None):
    context = {"reference": speaker_request.pk, "format": speaker_request.get_format_display()}
    return Email(to=[speaker_request.email], context=context)


def for_organisers(speaker_request, site=None):
    context = {
        "organisation": speaker_request.organisation,
        "branch": speaker_request.branch,
        "contact_name": speaker_request.contact_name,
        "email": speaker_request.email,
        "phone": speaker_request.phone,
        "proposed_dates": speaker_request.proposed_dates,
        "format": speaker_request.get_format_display(),
        "place": speaker_request.place,
        "audience_size": speaker_request.audience_size,
        "notes": speaker_request.notes,
        "reference": speaker_request.pk,
        "admin_url": modeladmin_url(speaker_request),
    }
    return Email(to=organiser_addresses(site=site_of(site)), context=context, reply_to=[speaker_request.email])


def status_changed(speaker_request, site=None):
    """The message an organiser sent with a change of status (kept on the record as `last_message`)."""
    site_settings = site_settings_for(site=site_of(site))
    contact_email = site_settings.contact_email if site_settings else ""
    context = {
        "site_name": site_settings.campaign_name if site_settings else "",
        "reference": speaker_request.pk,
        "message": speaker_request.last_message,
        "contact_email": contact_email,
    }
    return Email(to=[speaker_request.email], context=context, reply_to=[contact_email])


# Registered when core autodiscovers each app's emails module, once the models are loaded.
register_email("motion/speaker_received", SpeakerRequest, received)
register_email("motion/speaker_organisers", SpeakerRequest, for_organisers)
register_email("motion/speaker_status", SpeakerRequest, status_changed)
