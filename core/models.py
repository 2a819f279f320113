"""core's models: subscribers and their consents (core/subscriptions), each queued email's send, workers' leases,
and the postcode lookup (core/places)."""

from .email_sends import EmailSend
from .places.models import Constituency, Postcode
from .subscriptions.models import Consent, Subscriber
from .task_leases import WorkerHeartbeat

__all__ = ["Consent", "Constituency", "EmailSend", "Postcode", "Subscriber", "WorkerHeartbeat"]
