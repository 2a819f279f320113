"""What the events app holds about an address, for the person's "your data" page (core.subscriptions).

Their RSVPs: withdrawing entirely cancels each active one first (so a freed
place goes to the waiting list and the counts stay right), then deletes them.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from core.subscriptions.holdings import Holding, register_personal_data
from core.subscriptions.models import normalise

from . import attendance
from .models import Rsvp


def rsvps_of(email):
    return Rsvp.objects.filter(email=normalise(email)).select_related("event")


def describe(email):
    holdings = []
    for rsvp in rsvps_of(email):
        lines = [
            gettext("Name: %(name)s") % {"name": rsvp.name},
            gettext("Status: %(status)s") % {"status": rsvp.get_status_display()},
        ]
        if rsvp.role == Rsvp.Role.HELPER:
            lines.append(gettext("As a helper"))
        if rsvp.occurrence:
            when = date_format(timezone.localtime(rsvp.occurrence), "l j F Y, H:i")
            lines.append(gettext("For %(date)s") % {"date": when})
        if rsvp.phone:
            lines.append(gettext("Phone: %(phone)s") % {"phone": rsvp.phone})
        lines.append(gettext("Given on %(date)s") % {"date": date_format(rsvp.created_at, "j F Y")})
        heading = gettext("Your RSVP to “%(title)s”") % {"title": rsvp.event.title}
        holdings.append(Holding(heading=heading, lines=lines))
    return holdings


def erase(email):
    for rsvp in rsvps_of(email).filter(status__in=[Rsvp.Status.GOING, Rsvp.Status.WAITING]):
        attendance.cancel(rsvp)
    rsvps_of(email).delete()


register_personal_data(describe, erase)
