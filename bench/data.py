"""Benchmark data in the throwaway database, and the checks on it after a run.

Signatures are made by PostgreSQL itself (INSERT ... SELECT over
generate_series): a million rows in seconds, with no Python per row. The
kept counts are then rebuilt by `recount_signatures`, as an operator would
after an import. Called in the benchmark's own process once Django is set up
with the deployment's settings (bench.__main__.setup_django).
"""

import io
from urllib.parse import quote

from django.core.management import call_command
from django.db import connection
from django.db.models import Func, IntegerField
from django_tasks_db.models import DBTaskResult

from bench.emails import BASELINE_EMAIL
from bench.models import BaselineRow
from core.emails import send_email
from statements.models import Signature, StatementPage
from statements.tokens import CONFIRM
from statements.views import position_of

from .signature_rows import insert_signatures

LOADED_SOURCE = Signature.Source.IMPORT
PENDING_PREFIX = "pending"


def statement_page():
    """The demo's statement (at /statement/): the page every benchmark uses."""
    return StatementPage.objects.live().get(slug="statement")


def load(page, loaded, pending):
    """`loaded` confirmed signatures (source "import") and `pending` unconfirmed ones."""
    insert_signatures(page, 1, loaded, "loaded", LOADED_SOURCE, True)
    insert_signatures(page, 1, pending, PENDING_PREFIX, Signature.Source.WEB, False)
    finish()


def grow(page, loaded, total):
    """Add confirmed signatures loaded+1..total, e.g. from 100,000 to 1,000,000."""
    insert_signatures(page, loaded + 1, total, "loaded", LOADED_SOURCE, True)
    finish()


def finish():
    """Settle the table before measuring: otherwise autovacuum, woken by the bulk insert, runs during a measurement."""
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {Signature._meta.db_table}")
    call_command("recount_signatures", stdout=io.StringIO())


def confirmation_tokens(page):
    """Confirmation tokens (URL-encoded, for a form body) of every loaded pending signature, oldest first.

    The emailed link only opens a page; its button POSTs the token, as the benchmark does.
    """
    rows = (
        Signature.objects.filter(page=page, email_normalised__startswith=f"{PENDING_PREFIX}-", confirmed_at=None)
        .order_by("pk")
        .values_list("pk", "email_normalised")
    )
    return [quote(CONFIRM.make(Signature(pk=pk, email_normalised=email)), safe="") for pk, email in rows]


def count_emails_like(prefix):
    return Signature.objects.filter(email_normalised__startswith=prefix).count()


def queued_emails():
    """The site's email tasks in the database queue, the baseline's left out (Wagtail queues tasks there too)."""
    return _email_tasks().exclude(args_kwargs__args__0=BASELINE_EMAIL).count()


def baseline_emails():
    """Email tasks the baseline view queued (bench.emails)."""
    return _email_tasks().filter(args_kwargs__args__0=BASELINE_EMAIL).count()


def drop_baseline_emails():
    """Delete the baseline's email tasks and settle the queue's table, so the worker meets only confirmations."""
    _email_tasks().filter(args_kwargs__args__0=BASELINE_EMAIL).delete()
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {DBTaskResult._meta.db_table}")


def baseline_rows(prefix):
    return BaselineRow.objects.filter(email__startswith=prefix).count()


def counts_are_exact(page):
    """(kept total, confirmed rows): equal when the counters are exact."""
    return page.counts()["total"], page.signatures.confirmed().count()


def confirmed_count(page):
    return page.signatures.confirmed().count()


def _email_tasks():
    return DBTaskResult.objects.filter(task_path=send_email.module_path)


def finished_emails():
    """Email tasks a worker ran to the end."""
    return _email_tasks().successful().count()


def ready_emails():
    """Email tasks still waiting for a worker."""
    return _email_tasks().ready().count()


def emails_run_twice():
    """Email tasks that more than one worker claimed (each claim adds the worker's id)."""
    length = Func("worker_ids", function="jsonb_array_length", output_field=IntegerField())
    return _email_tasks().alias(claims=length).filter(claims__gt=1).count()


def deep_signatories_query(page, number, per_page):
    """The query string of signatories page `number` (or the last page, if fewer), as "Older" links reach it.

    The list is newest first; the page starts after the row just before it, whose
    position (statements.views.position_of) goes in ?before=. Found once by
    OFFSET here, in the benchmark, never by a visitor's request.
    """
    rows = page.signatures.listed().order_by("-confirmed_at", "-pk")
    listed = rows.count()
    number = min(number, -(-listed // per_page))
    if number <= 1:
        return "", 1, listed
    previous = rows[(number - 1) * per_page - 1]
    return f"before={position_of(previous)}", number, listed
