"""Email providers that misbehave, built on django-anymail's test backend."""

from anymail.backends.test import EmailBackend as AnymailTestBackend
from anymail.exceptions import AnymailAPIError


class DownProviderBackend(AnymailTestBackend):
    """A provider that is down: every send fails as a real provider's API error would."""

    failures = 0

    def post_to_esp(self, payload, message):
        message.anymail_test_response = AnymailAPIError("503 Service Unavailable (test provider is down)")
        type(self).failures += 1
        return super().post_to_esp(payload, message)
