"""The campaign app's models, one module per concern, re-exported here for Django."""

from .events import EventIndexPage, EventKind, EventPage, EventSubmission

__all__ = ["EventIndexPage", "EventKind", "EventPage", "EventSubmission"]
