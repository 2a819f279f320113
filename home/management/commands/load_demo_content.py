"""Build the demo site from code: page tree, settings, media and sample data.

Safe to run any number of times: each app's builder creates only what is
missing. Built from code rather than a JSON fixture so it never goes stale
against the migrations. This command sits in `home`, above every feature
app, because it composes them all.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from campaign.constituencies import demo as constituencies_demo
from campaign.events import demo as events_demo
from campaign.form_pages import demo as form_pages_demo
from campaign.materials import demo as materials_demo
from campaign.motion import demo as motion_demo
from campaign.news import demo as news_demo
from core.places import demo as places_demo
from home import demo as home_demo
from home import demo_footer, demo_languages
from statements import demo as statements_demo

# Each app's demo builder, called with the home page, in the order of the page tree.
APP_BUILDERS = [
    places_demo.build,  # the postcode lookup's sample first: signers and events are placed by it
    statements_demo.build,
    events_demo.build,
    materials_demo.build,
    motion_demo.build,
    news_demo.build,
    form_pages_demo.build,
    constituencies_demo.build,  # last in the menu
    statements_demo.build_next_steps,  # links to the pages built above
]


class Command(BaseCommand):
    help = "Create the demo pages and content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-welsh",
            dest="welsh",
            action="store_false",
            help="Leave out the Welsh pages (a test that counts the demo's pages in one language wants them out).",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        home = home_demo.build_home()
        demo_footer.build_imprint(home)  # before the posters, which print it
        for build in APP_BUILDERS:
            build(home)
        home_demo.build_settings(home)
        home_demo.build_menu_titles(home)
        demo_footer.build_next_steps(home)
        home_demo.build_actions(home)
        home_demo.build_look(home)
        demo_languages.build_accessibility(home)
        if options.get("welsh", True):
            demo_languages.build_welsh(home)  # last: the whole tree is there to alias
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {home.title}"))
