"""Anonymise the signatures of statements closed more than ANONYMISE_AFTER_MONTHS ago (statements/anonymise.py).

Nightly from the scheduler; safe to run again at any time (a run cut off halfway carries on).
`--dry-run` says per statement what would go and changes nothing; `--statement <id>` anonymises one closed
statement now, before its months are up (what the admin's "Anonymise now" does).
"""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from statements import anonymise
from statements.models import StatementPage

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Remove signers' names, addresses, towns and roles from closed statements; the counts stay."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="say what would be anonymised; change nothing")
        parser.add_argument(
            "--statement", type=int, metavar="ID", help="anonymise this closed statement now, whenever it closed"
        )
        parser.add_argument("--batch-size", type=int, default=anonymise.BATCH_SIZE, help="signatures per transaction")

    def handle(self, *args, dry_run=False, statement=None, batch_size=anonymise.BATCH_SIZE, **options):
        pages = [self.chosen(statement)] if statement else anonymise.due_statements()
        if not pages:
            months = settings.ANONYMISE_AFTER_MONTHS
            self.stdout.write(f"No statement is due: none closed more than {months} months ago is left to anonymise.")
            return
        if dry_run:
            for page in pages:
                self.stdout.write(describe_plan(anonymise.plan(page)))
            self.stdout.write("Dry run: nothing was changed.")
            return
        failed = []
        for page in pages:
            try:
                outcome = anonymise.anonymise(page, batch_size=batch_size)
            except Exception as error:  # one statement's failure must not keep the others' signers waiting
                logger.exception("anonymising stopped", extra={"page": page.pk})
                self.stderr.write(f"“{page.title}”: stopped ({error.__class__.__name__}); the next run carries on.")
                failed.append(page.title)
                continue
            self.stdout.write(describe_outcome(outcome))
        if failed:
            raise CommandError(f"{len(failed)} statement(s) not finished: {', '.join(failed)}.")

    def chosen(self, pk):
        page = StatementPage.objects.filter(pk=pk).first()
        if page is None:
            raise CommandError(f"No statement has the id {pk}.")
        if not anonymise.is_closed(page):
            raise CommandError(f"“{page.title}” is not closed: only a closed statement's signatures are anonymised.")
        return page


def describe_plan(plan):
    closed = f"closed {timezone.localtime(plan.page.closes_at):%-d %B %Y}"
    return (
        f"“{plan.page.title}” ({closed}): would anonymise {plural(plan.anonymised, 'signature')}"
        f" ({plan.names_kept} of them organisations whose names stay on the public list)"
        f" and delete {plural(plan.deleted, 'signature')} never confirmed."
    )


def describe_outcome(outcome):
    total = outcome.page.counts(outcome.counts_after)["total"]
    counts = "counts unchanged" if outcome.counts_unchanged else "COUNTS CHANGED: run recount_signatures --check"
    return (
        f"“{outcome.page.title}”: anonymised {plural(outcome.anonymised, 'signature')}"
        f" ({outcome.names_kept} of them organisations whose names stay on the public list),"
        f" deleted {plural(outcome.deleted, 'signature')} never confirmed; {total} counted, {counts}."
    )


def plural(count, noun):
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
