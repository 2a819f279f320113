"""The statements app's scheduled jobs (core.schedule): the nightly purge, recount and forgetting of networks.

Each runs the management command an organiser can also run by hand, so the
work lives in one place.
"""

from django.core.management import call_command
from django_tasks import task

from core.schedule import scheduled


@scheduled("0 3 * * *")
@task()
def purge_unconfirmed_signatures():
    """Delete signatures never confirmed within UNCONFIRMED_SIGNATURE_DAYS (data minimisation)."""
    call_command("purge_unconfirmed_signatures")


@scheduled("30 3 * * *")
@task()
def recount_signatures():
    """Recompute the kept counts from the signatures, repairing any drift."""
    call_command("recount_signatures")


@scheduled("15 3 * * *")
@task()
def forget_signing_networks():
    """Empty the network hash of signatures older than NETWORK_HASH_DAYS: it only serves the review of recent ones."""
    call_command("forget_signing_networks")
