"""What a host changes on their event: the time or place, cancelling, who came, and the paper count.

A change of time or place, or a cancellation, is published as a new revision of the event page, as
an organiser's edit is: the events app's own publish handler then tells everyone coming (and the
page cache and CDN follow Wagtail's publish), so a host's change reaches people the same way.
"""

from django.db import transaction
from django.utils import timezone

from campaign.events.models import EventPage, Rsvp

from .models import HostAction, PaperReport

# The fields a host may change: when and where.
CHANGEABLE = ["start", "end", "venue_name", "address", "town", "postcode", "online_url"]


def publish_change(host, **values):
    """Publish the live event with `values` changed; the fields that differed."""
    page = EventPage.objects.get(pk=host.event_id)
    changed = [name for name, value in values.items() if getattr(page, name) != value]
    if not changed:
        return []
    for name in changed:
        setattr(page, name, values[name])
    revision = page.save_revision(log_action=True)
    revision.publish()
    host.event.refresh_from_db()
    return changed


def change_time_or_place(host, values):
    """The host's new time or place, published and announced; the names of the fields that changed."""
    changed = publish_change(host, **{name: values[name] for name in CHANGEABLE})
    if changed:
        labels = ", ".join(str(EventPage._meta.get_field(name).verbose_name) for name in changed)
        HostAction.log(host.event, HostAction.Kind.CHANGED, host=host, detail=f"Changed: {labels}")
    return changed


def cancel_event(host, reason=""):
    """Cancel the event (the page stays up, marked cancelled); everyone coming is told. False if it already was."""
    if not publish_change(host, cancelled=True):
        return False
    HostAction.log(host.event, HostAction.Kind.CANCELLED, host=host, detail=reason)
    return True


def people_to_mark(event):
    """Who could have come: everyone going (in the order they said so), their details kept or purged."""
    return Rsvp.objects.filter(event=event, status=Rsvp.Status.GOING).order_by("created_at", "pk")


def mark_attendance(host, came_ids):
    """Record who came (the others did not), for this event's RSVPs only; the number who came."""
    with transaction.atomic():
        people = people_to_mark(host.event)
        came = people.filter(pk__in=came_ids).update(attended=True)
        people.exclude(pk__in=came_ids).update(attended=False)
        HostAction.log(host.event, HostAction.Kind.ATTENDANCE, host=host, detail=f"{came} came")
    return came


def report_paper(host, signatures, note=""):
    """The host's count of paper signatures: a batch for organisers to import, named after the event."""
    with transaction.atomic():
        report = PaperReport.objects.create(event=host.event, host=host, signatures=signatures, note=note)
        HostAction.log(host.event, HostAction.Kind.PAPER, host=host, detail=f"{signatures} signatures on paper")
    return report


def has_started(event):
    return event.start <= timezone.now()
