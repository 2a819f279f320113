"""The campaign app's models, one module per concern; re-exported here for Django and imports."""

from .events import EventIndexPage, EventKind, EventPage, EventSubmission
from .forms import FormField, FormPage
from .materials import Material, MaterialsPage, PrintOrder, PrintOrderLine
from .motions import MotionDownload, MotionPage, SpeakerRequest
from .updates import UpdateIndexPage, UpdatePage

__all__ = [
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventSubmission",
    "FormField",
    "FormPage",
    "Material",
    "MaterialsPage",
    "MotionDownload",
    "MotionPage",
    "PrintOrder",
    "PrintOrderLine",
    "SpeakerRequest",
    "UpdateIndexPage",
    "UpdatePage",
]
