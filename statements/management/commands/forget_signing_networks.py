"""Empty the network hash of signatures older than NETWORK_HASH_DAYS (data minimisation).

The hash only groups recent signatures for review (statements.review); after
that it is no one's business which signatures came from one network. Safe to
run from cron: small batches, and nothing to do when nothing is old enough.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from statements.models import Signature

BATCH = 1000


class Command(BaseCommand):
    help = "Forget which network signatures older than --days came from (default: settings.NETWORK_HASH_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=getattr(settings, "NETWORK_HASH_DAYS", 30))

    def handle(self, *args, days, **options):
        cutoff = timezone.now() - timezone.timedelta(days=days)
        old = Signature.objects.filter(created_at__lt=cutoff).exclude(network="")
        forgotten = 0
        while batch := list(old.values_list("pk", flat=True)[:BATCH]):
            forgotten += Signature.objects.filter(pk__in=batch).update(network="")
        self.stdout.write(f"Forgot the network of {forgotten} signature(s) older than {days} days.")
