"""What the events app holds about an address, for the person's "your data" page (core.subscriptions).

Their RSVPs: withdrawing entirely cancels each active one first (so a freed
place goes to the waiting list and the counts stay right), then deletes them.
"""

from django.utils import timezone

from core.subscriptions.holdings import Holding, register_personal_data
from core.subscriptions.models import normalise

from . import attendance
from .models import Rsvp


def rsvps_of(email):
    return Rsvp.objects.filter(email=normalise(email)).select_related("event")


def describe(email):
    holdings = []
    for rsvp in rsvps_of(email):
        lines = [f"Name: {rsvp.name}", f"Status: {rsvp.get_status_display()}"]
        if rsvp.role == Rsvp.Role.HELPER:
            lines.append("As a helper")
        if rsvp.occurrence:
            lines.append(f"For {timezone.localtime(rsvp.occurrence):%A %-d %B %Y, %H:%M}")
        if rsvp.phone:
            lines.append(f"Phone: {rsvp.phone}")
        lines.append(f"Given on {rsvp.created_at:%-d %B %Y}")
        holdings.append(Holding(heading=f"Your RSVP to “{rsvp.event.title}”", lines=lines))
    return holdings


def erase(email):
    for rsvp in rsvps_of(email).filter(status__in=[Rsvp.Status.GOING, Rsvp.Status.WAITING]):
        attendance.cancel(rsvp)
    rsvps_of(email).delete()


register_personal_data(describe, erase)
