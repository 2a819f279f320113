"""core's models: subscribers and their consents (core/subscriptions), each queued email's send, workers' leases."""

from .email_sends import EmailSend
from .subscriptions.models import Consent, Subscriber
from .task_leases import WorkerHeartbeat

__all__ = ["Consent", "EmailSend", "Subscriber", "WorkerHeartbeat"]
