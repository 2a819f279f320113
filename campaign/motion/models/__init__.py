"""The motion app's models: the motion page with its downloads, speaker requests and the motion tracker."""

from .pages import MotionDownload, MotionPage
from .reports import MotionReport
from .speakers import SPEAKER_REQUEST_FIELDS, SpeakerRequest

__all__ = ["SPEAKER_REQUEST_FIELDS", "MotionDownload", "MotionPage", "MotionReport", "SpeakerRequest"]
