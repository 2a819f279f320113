"""The baseline's email: queued exactly as a signer's confirmation is, never sent.

CoreConfig.ready imports this module (bench is an app only under
bench.settings). The benchmark deletes these tasks before the Procfile's
worker runs, so the email rate it measures is the confirmations' alone.
"""

from core.emails import register_email

from .models import BaselineRow

BASELINE_EMAIL = "bench/baseline"


def build(row, **params):
    """Nothing to send: the baseline measures queuing the task, not delivering it."""
    return None


register_email(BASELINE_EMAIL, BaselineRow, build)
