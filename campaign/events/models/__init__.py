"""The events app's models: shared event details, supporters' submissions, the pages and RSVPs."""

from .details import EventDetails, EventKind
from .pages import EventIndexPage, EventPage
from .repeats import OccurrenceCancellation
from .rsvps import OccurrenceCount, Rsvp, RsvpCount
from .submissions import EventSubmission

__all__ = [
    "EventDetails",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventSubmission",
    "OccurrenceCancellation",
    "OccurrenceCount",
    "Rsvp",
    "RsvpCount",
]
