"""core's models: the subscribers to campaign updates and their consents (core/subscriptions)."""

from .subscriptions.models import Consent, Subscriber

__all__ = ["Consent", "Subscriber"]
