"""An email provider for the benchmark: it takes PROVIDER_SECONDS per message, as a provider's API does.

Built on django-anymail's test backend, so the message goes through anymail
as it would to a real provider. Each message sent is appended as one JSON
line to the file named by BENCH_OUTBOX, which the benchmark reads from its
own process to count deliveries and check that no message went twice. A line
under PIPE_BUF bytes written with O_APPEND lands whole, whichever thread or
process wrote it.
"""

import json
import os
import time

from anymail.backends.test import EmailBackend as AnymailTestBackend

PROVIDER_SECONDS = float(os.environ.get("BENCH_PROVIDER_SECONDS", "0.1"))


class SlowProviderBackend(AnymailTestBackend):
    def post_to_esp(self, payload, message):
        time.sleep(PROVIDER_SECONDS)  # the provider's API round trip
        response = super().post_to_esp(payload, message)
        line = json.dumps({"to": list(message.to), "subject": message.subject, "at": time.time()}) + "\n"
        descriptor = os.open(os.environ["BENCH_OUTBOX"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(descriptor, line.encode())
        finally:
            os.close(descriptor)
        return response
