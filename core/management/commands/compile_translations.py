"""`manage.py compile_translations`: compile the project's .po catalogues to .mo (core.translations)."""

from django.core.management.base import BaseCommand

from core.translations import catalogues, compile_catalogue


class Command(BaseCommand):
    help = "Compile the project's translation catalogues (.po to .mo), without GNU gettext."

    def handle(self, *args, **options):
        found = list(catalogues())
        written = [path for path in found if compile_catalogue(path)]
        self.stdout.write(f"{len(found)} translation catalogues, {len(written)} compiled.")
