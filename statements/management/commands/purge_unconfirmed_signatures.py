"""Delete signatures never confirmed within a number of days (data minimisation).

Safe to run from cron: it deletes in small batches, touches only unconfirmed
rows (which never count), and does nothing when there is nothing to do.
Held signatures (statements.screening) are left for an organiser to decide on:
their signers were never emailed, so they never had a chance to confirm.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from statements.models import Signature

BATCH = 1000


class Command(BaseCommand):
    help = "Delete unconfirmed signatures older than --days (default: settings.UNCONFIRMED_SIGNATURE_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=getattr(settings, "UNCONFIRMED_SIGNATURE_DAYS", 30))

    def handle(self, *args, days, **options):
        cutoff = timezone.now() - timezone.timedelta(days=days)
        stale = Signature.objects.unconfirmed().filter(created_at__lt=cutoff, held_because="")
        deleted = 0
        while batch := list(stale.values_list("pk", flat=True)[:BATCH]):
            deleted += Signature.objects.unconfirmed().filter(pk__in=batch, held_because="").delete()[0]
        self.stdout.write(f"Deleted {deleted} unconfirmed signature(s) older than {days} days.")
