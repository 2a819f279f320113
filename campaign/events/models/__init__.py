"""The events app's models: shared event details, supporters' submissions, the pages and RSVPs."""

from .details import EventDetails, EventKind
from .pages import EventIndexPage, EventPage
from .rsvps import Rsvp, RsvpCount
from .submissions import EventSubmission

__all__ = ["EventDetails", "EventIndexPage", "EventKind", "EventPage", "EventSubmission", "Rsvp", "RsvpCount"]
