"""The emails about a submitted activity, and to people who RSVPed, built when they are sent (see core.emails).

Emails to a submitter or an attendee say only what the site itself words, never what was typed:
anyone can type anyone's address into a form. The organisers' notification has everything.
"""

from urllib.parse import urlencode

from django.db import transaction
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.signals import page_published

from core.emails import Email, queue_email, register_email, site_of
from core.languages import localized
from core.notify import admin_url, organiser_addresses
from core.request_emails import to_requester
from core.site_settings import site_settings_for
from core.subscriptions.tokens import your_data_url

from . import attendance, recurrence
from .calendar import event_file
from .models import EventPage, EventSubmission, Rsvp
from .tokens import CANCEL, CONFIRM, CONFIRM_MAX_AGE


def local_time(value):
    return date_format(timezone.localtime(value), "l j F Y, H:i T")


def campaign_name(site):
    site_settings = site_settings_for(site=site)
    return site_settings.campaign_name if site_settings else ""


def received(submission, site=None, events_url=""):
    context = {
        "site_name": campaign_name(site_of(site)),
        "reference": submission.pk,
        "kind": submission.get_kind_display(),
        "start": local_time(submission.start),
        "end": local_time(submission.end),
        "events_url": events_url,
    }
    return Email(to=[submission.email], context=context)


def notify(submission, site=None, events_url=""):
    site = site_of(site)
    context = {
        "site_name": campaign_name(site),
        "title": submission.title,
        "kind": submission.get_kind_display(),
        "start": local_time(submission.start),
        "end": local_time(submission.end),
        "venue_name": submission.venue_name,
        "address": submission.address,
        "town": submission.town,
        "postcode": submission.postcode,
        "online_url": submission.online_url,
        "description": submission.description,
        "organiser_name": submission.organiser_name,
        "organiser_contact": submission.organiser_contact,
        "email": submission.email,
        "events_url": events_url,
        "admin_url": admin_url(reverse("events_eventsubmission_modeladmin_inspect", args=[submission.pk])),
    }
    return Email(to=organiser_addresses(site=site), context=context, reply_to=[submission.email])


def rejected(submission, site=None):
    """The organisers' reason for not listing it: sent only when an organiser rejects a submission."""
    return to_requester(submission, site, title=submission.title, reason=submission.rejection_reason)


def published(submission, site=None):
    """The organisers' message that the event page made from the submission is live (`last_message`, with its link)."""
    return to_requester(submission, site, title=submission.title, message=submission.last_message)


@receiver(page_published, sender=EventPage, dispatch_uid="events-tell-submitters")
def tell_submitters_published(sender, instance, **kwargs):
    """Email the submitter the link to the event page made from their submission, once.

    The claim is a conditional UPDATE, so publishing again (or twice at once) sends no second email.
    """
    url = instance.get_full_url()
    with transaction.atomic():
        for submission in EventSubmission.objects.filter(event_page=instance, published_email_sent__isnull=True):
            claimed = EventSubmission.objects.filter(pk=submission.pk, published_email_sent__isnull=True).update(
                published_email_sent=timezone.now(), last_message=submission.published_message(url)
            )
            if claimed:
                submission.refresh_from_db(fields=["published_email_sent", "last_message"])
                queue_email("events/event_submission_published", submission, site=site_pk(instance))


def site_pk(page):
    site = page.get_site()
    return site.pk if site else None


def date_of(rsvp):
    """(start, end, cancelled, reason) of what the RSVP is for: its date of a repeating event, or the event."""
    event = rsvp.event
    if rsvp.occurrence is None:
        return event.start, event.end, event.cancelled, ""
    found = recurrence.find(event, rsvp.occurrence)
    if found is None:  # the series was moved or shortened since: the date they chose, as they chose it
        return rsvp.occurrence, rsvp.occurrence + recurrence.duration_of(event), event.cancelled, ""
    return found.start, found.end, event.cancelled or found.cancelled, found.reason


def shown_to(rsvp):
    """The event as the person reads it: its live translation in the email's language (theirs), else the original.

    The RSVP is the original's (EventPage.counted_page); its words and links are the person's language's,
    so a Welsh RSVP's links lead to the Welsh page, whose views find the original's RSVP.
    """
    return localized(rsvp.event)


def to_attendee(rsvp, site=None):
    """Any RSVP email: the event (or date) as it is now, the cancel link, the data page link; the .ics attached.

    The date, times and status are the original's (`date_of`); the words and links are the person's language's.
    """
    event = shown_to(rsvp)
    event_url = event.get_full_url()
    site_settings = site_settings_for(site=site_of(site))
    start, end, cancelled, reason = date_of(rsvp)
    context = {
        "reason": reason,
        "site_name": site_settings.campaign_name if site_settings else "",
        "title": event.title,
        "status": rsvp.status,
        "helping": rsvp.role == Rsvp.Role.HELPER,
        "cancelled": cancelled,
        "start": local_time(start),
        "end": local_time(end),
        "where": event.map_query,
        "online_url": event.online_url,
        "organiser": ", ".join(part for part in [event.organiser_name, event.organiser_contact] if part),
        "event_url": event_url,
        "cancel_url": event_url + event.reverse_subpage("rsvp_cancel") + "?" + urlencode({"token": CANCEL.make(rsvp)}),
        "your_data_url": your_data_url(rsvp.email, event_url),
    }
    occurrence = recurrence.find(rsvp.event, rsvp.occurrence) if rsvp.occurrence else None
    attachment = (f"{event.slug}.ics", event_file(event, occurrence), "text/calendar")
    return Email(to=[rsvp.email], context=context, attachments=[attachment])


def to_active_attendee(rsvp, site=None):
    """An RSVP email that only means something while the person is on the list (nothing once cancelled)."""
    on_list = rsvp.status in (Rsvp.Status.GOING, Rsvp.Status.WAITING)
    return to_attendee(rsvp, site=site) if on_list else None


def to_unconfirmed(rsvp, site=None):
    """The request to confirm an RSVP: the event, and the signed link to a page with the confirm button."""
    if rsvp.status != Rsvp.Status.UNCONFIRMED:
        return None
    event = shown_to(rsvp)
    event_url = event.get_full_url()
    site_settings = site_settings_for(site=site_of(site))
    token = CONFIRM.make(rsvp)
    start, end, *_ = date_of(rsvp)
    context = {
        "site_name": site_settings.campaign_name if site_settings else "",
        "title": event.title,
        "helping": rsvp.role == Rsvp.Role.HELPER,
        "start": local_time(start),
        "end": local_time(end),
        "where": event.map_query,
        "event_url": event_url,
        "hours": CONFIRM_MAX_AGE // 3600,
        "confirm_url": event_url + event.reverse_subpage("rsvp_confirm") + "?" + urlencode({"token": token}),
        "your_data_url": your_data_url(rsvp.email, event_url),
    }
    return Email(to=[rsvp.email], context=context)


def to_promoted(rsvp, site=None):
    return to_attendee(rsvp, site=site) if rsvp.status == Rsvp.Status.GOING else None


def to_reminded(rsvp, site=None):
    """The day before: only to someone going to a date that still takes place."""
    start, _, cancelled, _ = date_of(rsvp)
    ok = rsvp.status == Rsvp.Status.GOING and not cancelled and start > timezone.now()
    return to_attendee(rsvp, site=site) if ok else None


def to_called_off(rsvp, site=None):
    """A date of a repeating event was cancelled: those who answered for it are told, once (attendance.call_off)."""
    called_off = rsvp.status == Rsvp.Status.CANCELLED and date_of(rsvp)[2] and not rsvp.event.cancelled
    return to_attendee(rsvp, site=site) if called_off else None


@receiver(page_published, sender=EventPage, dispatch_uid="events-tell-attendees")
def tell_attendees_of_changes(sender, instance, **kwargs):
    """On publishing an event whose time, place or status changed since attendees were told: email them all."""
    attendance.announce_changes(instance, site=site_pk(instance))


# Registered when core autodiscovers each app's emails module, once the models are loaded.
register_email("events/event_submission_received", EventSubmission, received)
register_email("events/event_submission_notify", EventSubmission, notify, for_organisers=True)
register_email("events/event_submission_rejected", EventSubmission, rejected)
register_email("events/event_submission_published", EventSubmission, published)
attendees = Rsvp.objects.select_related("event")
register_email(attendance.CONFIRMATION, attendees, to_active_attendee)
register_email(attendance.PROMOTED, attendees, to_promoted)
register_email(attendance.REMINDER, attendees, to_reminded)
register_email(attendance.CHANGED, attendees, to_active_attendee)
register_email(attendance.ALREADY, attendees, to_active_attendee)
register_email(attendance.CONFIRM_REQUEST, attendees, to_unconfirmed)
register_email(attendance.CALLED_OFF, attendees, to_called_off)
