"""Email backends for tests, built on django-anymail's test backend."""

import json
import os
import time
import uuid
from pathlib import Path

from anymail.backends.test import EmailBackend as AnymailTestBackend
from anymail.exceptions import AnymailAPIError

PROVIDER_SECONDS = float(os.environ.get("TEST_PROVIDER_SECONDS", "0.1"))


class DownProviderBackend(AnymailTestBackend):
    """A provider that is down: every send fails as a real provider's API error would."""

    failures = 0

    def post_to_esp(self, payload, message):
        message.anymail_test_response = AnymailAPIError("503 Service Unavailable (test provider is down)")
        type(self).failures += 1
        return super().post_to_esp(payload, message)


class DirectoryBackend(AnymailTestBackend):
    """Delivers each message as a JSON file in the folder named by TEST_EMAIL_DIR.

    For tests that run the site in other processes (the Procfile's worker):
    production refuses backends that print or drop email, and anymail's own
    test backend keeps messages in the memory of a process the test cannot
    reach. Each file is written under a temporary name and then renamed, so a
    reader never sees half a message.
    """

    def post_to_esp(self, payload, message):
        response = super().post_to_esp(payload, message)
        folder = Path(os.environ["TEST_EMAIL_DIR"])
        name = uuid.uuid4().hex
        record = {
            "to": list(message.to),
            "from": message.from_email,
            "subject": message.subject,
            "body": message.body,
            "alternatives": [content for content, _ in getattr(message, "alternatives", [])],
        }
        partial = folder / f".{name}.tmp"
        partial.write_text(json.dumps(record))
        partial.rename(folder / f"{name}.json")
        return response


class IdempotentSlowProvider(DirectoryBackend):
    """A provider that takes PROVIDER_SECONDS a message and honours idempotency keys, as Brevo's API does.

    It accepts the message half-way through its answer, so a worker killed in
    the second half has had its message accepted without hearing so. A request
    whose key (in the header EMAIL_IDEMPOTENCY_HEADER names) it has seen is
    answered as the first was and delivers nothing; it notes each such replay
    in the outbox's `.replays` folder. Keys are files made with O_EXCL, so
    this holds across the worker processes a test starts and kills.
    """

    def post_to_esp(self, payload, message):
        time.sleep(PROVIDER_SECONDS / 2)
        folder = Path(os.environ["TEST_EMAIL_DIR"])
        key = message.extra_headers.get(os.environ.get("EMAIL_IDEMPOTENCY_HEADER", ""))
        if key and not first_use(folder / ".keys", key):
            first_use(folder / ".replays", uuid.uuid4().hex)
            return AnymailTestBackend.post_to_esp(self, payload, message)
        response = super().post_to_esp(payload, message)
        time.sleep(PROVIDER_SECONDS / 2)
        return response


def first_use(folder, name):
    folder.mkdir(exist_ok=True)
    try:
        os.close(os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return False
    return True
