"""The events app's models: shared event details, supporters' submissions, and the pages."""

from .details import EventDetails, EventKind
from .pages import EventIndexPage, EventPage
from .submissions import EventSubmission

__all__ = ["EventDetails", "EventIndexPage", "EventKind", "EventPage", "EventSubmission"]
