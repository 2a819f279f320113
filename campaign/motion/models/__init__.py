"""The motion app's models: the motion page with its downloads, and speaker requests."""

from .pages import MotionDownload, MotionPage
from .speakers import SPEAKER_REQUEST_FIELDS, SpeakerRequest

__all__ = ["SPEAKER_REQUEST_FIELDS", "MotionDownload", "MotionPage", "SpeakerRequest"]
