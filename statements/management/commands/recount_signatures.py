"""Recompute every statement's kept counts (the total, and by union and region) from the signatures themselves.

Repairs any drift (a crash between two writes, a hand edit in the database).
Safe to run from cron: each statement is recounted in its own transaction,
with its counter rows locked so confirmations wait rather than being lost.
`--check` only compares (after restoring a backup, say) and exits with status 1 on any drift.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count

from statements.models import Signature, SignatureCount, StatementPage
from statements.models.movement import count_keys


class Command(BaseCommand):
    help = "Recount confirmed signatures for every statement and fix the kept counts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="change nothing: say whether every kept count equals a recount; exit with status 1 if one differs",
        )

    def handle(self, *args, check=False, **options):
        if check:
            self.check()
            return
        for page in StatementPage.objects.all():
            with transaction.atomic():
                list(SignatureCount.objects.select_for_update().filter(page=page))
                before = page.counts()
                SignatureCount.reset(page.pk, actual_counts(page))
            after = page.counts()
            change = "unchanged" if before == after else f"was {before['total']}"
            self.stdout.write(f"{page.title}: {after['total']} signatures ({change}).")

    def check(self):
        drifted = 0
        for page in StatementPage.objects.all():
            with transaction.atomic():
                list(SignatureCount.objects.select_for_update().filter(page=page))  # as the repair reads them
                kept, actual = nonzero(page.counter_totals()), nonzero(actual_counts(page))
            if kept == actual:
                self.stdout.write(f"{page.title}: {page.counts(actual)['total']} signatures, every kept count matches.")
                continue
            drifted += 1
            differences = ", ".join(
                f"{key} kept {kept.get(key, 0)}, counted {actual.get(key, 0)}"
                for key in sorted(kept.keys() | actual.keys())
                if kept.get(key, 0) != actual.get(key, 0)
            )
            self.stdout.write(f"{page.title}: kept counts differ from a recount: {differences}.")
        if drifted:
            raise CommandError(f"{drifted} statement(s) with drifted counts: run recount_signatures to repair them.")


def nonzero(counts):
    return {key: count for key, count in counts.items() if count}


def actual_counts(page):
    """{counter key: n} from the confirmed signatures, grouped in the database (one row per combination)."""
    actual = {kind: 0 for kind in Signature.Kind.values}
    fields = ("kind", "region", "union_id", "union_other", "constituency")
    for row in page.signatures.confirmed().values(*fields).annotate(total=Count("pk")).order_by():
        for key in count_keys(True, **{name: row[name] for name in fields}):
            actual[key] = actual.get(key, 0) + row["total"]
    return actual
