"""The statements app's nightly jobs (core.schedule): purging, recounting, forgetting networks and removals,
anonymising closed statements; the hourly reminder to unconfirmed signers; and the one an organiser starts,
anonymising one statement now.

Each runs the management command an organiser can also run by hand, so the
work lives in one place.
"""

from django.core.management import call_command
from django_tasks import task

from core.schedule import scheduled

from . import reminders


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


@scheduled("20 3 * * *")
@task()
def forget_removed_signatures():
    """Delete the review's record of removed signatures older than REMOVED_SIGNATURE_DAYS."""
    call_command("forget_removed_signatures")


@scheduled("40 3 * * *")
@task()
def anonymise_signatures():
    """Anonymise the signatures of statements closed more than ANONYMISE_AFTER_MONTHS ago (statements.anonymise)."""
    call_command("anonymise_signatures")


@scheduled("5 * * * *")
@task()
def remind_unconfirmed_signers():
    """Remind each signer who has not confirmed, once, 24 to 48 hours after signing (statements.reminders)."""
    reminders.remind_unconfirmed()


@task()
def anonymise_statement(page_id):
    """The admin's "Anonymise now": one closed statement, in the worker (a big one takes longer than a request)."""
    call_command("anonymise_signatures", statement=page_id)
