"""The motion app's models: the motion page with its downloads, speaker requests, the motion tracker and the
conference pathway (conferences, steps, delegates' pledges)."""

from .conferences import AffiliatedBody, Conference
from .pages import MotionDownload, MotionPage
from .pathway import DeadlineReminder, PathwayStep
from .pledges import ConferenceNotice, DelegatePledge, NoticeDelivery
from .reports import MotionReport
from .speakers import SPEAKER_REQUEST_FIELDS, SpeakerRequest

__all__ = [
    "SPEAKER_REQUEST_FIELDS",
    "AffiliatedBody",
    "Conference",
    "ConferenceNotice",
    "DeadlineReminder",
    "DelegatePledge",
    "MotionDownload",
    "MotionPage",
    "MotionReport",
    "NoticeDelivery",
    "PathwayStep",
    "SpeakerRequest",
]
