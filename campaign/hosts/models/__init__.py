"""The hosts app's records: who hosts which event, what they asked to send, and what they did."""

from .hosts import Host, HostAction
from .messages import HostMessage, HostMessageDelivery, MessagesStopped, PaperReport

__all__ = ["Host", "HostAction", "HostMessage", "HostMessageDelivery", "MessagesStopped", "PaperReport"]
