"""Recompute every statement's kept counts from the signatures themselves.

Repairs any drift (a crash between two writes, a hand edit in the database).
Safe to run from cron: each statement is recounted in its own transaction,
with its counter rows locked so confirmations wait rather than being lost.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Count

from statements.models import Signature, SignatureCount, StatementPage


class Command(BaseCommand):
    help = "Recount confirmed signatures for every statement and fix the kept counts."

    def handle(self, *args, **options):
        for page in StatementPage.objects.all():
            with transaction.atomic():
                list(SignatureCount.objects.select_for_update().filter(page=page))
                before = page.counts()
                rows = page.signatures.confirmed().values("kind").annotate(total=Count("pk"))
                actual = {kind: 0 for kind in Signature.Kind.values}
                actual.update({row["kind"]: row["total"] for row in rows})
                SignatureCount.reset(page.pk, actual)
            after = page.counts()
            change = "unchanged" if before == after else f"was {before['total']}"
            self.stdout.write(f"{page.title}: {after['total']} signatures ({change}).")
