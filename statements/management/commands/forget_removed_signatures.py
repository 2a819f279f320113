"""Delete the review's record of removed signatures older than REMOVED_SIGNATURE_DAYS (data minimisation).

The record (name, town, email domain) lets organisers check a removal soon
after it; the decision itself (who, when, how many, how many had counted) stays.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from statements.models import RemovedSignature


class Command(BaseCommand):
    help = "Delete the names recorded for signatures removed by review more than --days ago."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.REMOVED_SIGNATURE_DAYS)

    def handle(self, *args, days, **options):
        cutoff = timezone.now() - timezone.timedelta(days=days)
        deleted, _ = RemovedSignature.objects.filter(decision__made_at__lt=cutoff).delete()
        self.stdout.write(f"Forgot {deleted} removed signature(s) from decisions older than {days} days.")
