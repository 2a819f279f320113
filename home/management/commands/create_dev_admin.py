"""Create the development login `admin` / `admin` (refused unless DEBUG is on)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = PASSWORD = "admin"


class Command(BaseCommand):
    help = "Create the development-only admin login admin/admin if it does not exist."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("create_dev_admin is for development only (DEBUG is off).")
        User = get_user_model()
        if not User.objects.filter(username=USERNAME).exists():
            User.objects.create_superuser(USERNAME, "admin@example.org", PASSWORD)
        self.stdout.write(
            self.style.WARNING(
                f"Development admin: http://127.0.0.1:8000/admin/  user '{USERNAME}', password '{PASSWORD}'"
            )
        )
