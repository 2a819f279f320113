"""Build the demo site from code: page tree, settings, media and sample data.

Safe to run any number of times: each app's builder creates only what is
missing. Built from code rather than a JSON fixture so it never goes stale
against the migrations.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from home import demo as home_demo

# Each app's demo builder, called with the home page, in tree order.
APP_BUILDERS = [
    "statements.demo.build",
    "campaign.demo.build",
]


class Command(BaseCommand):
    help = "Create the demo pages and content (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        home = home_demo.build_home()
        for path in APP_BUILDERS:
            import_string(path)(home)
        home_demo.build_settings(home)
        home_demo.build_actions(home)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {home.title}"))
