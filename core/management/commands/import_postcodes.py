"""Load the ONS Postcode Directory into the postcode lookup (core.places): `manage.py import_postcodes FILE`.

FILE is the ONSPD zip as downloaded from the ONS Open Geography Portal (open data under the Open
Government Licence), or the CSV out of it with `--names` and the Westminster constituency names
and codes CSV from its Documents folder. Streamed, so the full directory (about 2.7 million rows)
takes the memory of one batch; safe to run again, with this month's or a newer release.
"""

import zipfile

from django.core.management.base import BaseCommand, CommandError

from core.places.loading import BATCH_SIZE, load_postcodes
from core.places.onspd import BadFile, open_directory, read_rows


class Command(BaseCommand):
    help = "Load the ONS Postcode Directory (the zip, or its CSV with --names) into the postcode lookup."

    def add_arguments(self, parser):
        parser.add_argument("file", help="ONSPD_<month>_UK.zip as downloaded, or the CSV from its Data folder")
        parser.add_argument(
            "--names",
            metavar="FILE",
            help="the Westminster constituency names and codes CSV (from the zip's Documents folder)",
        )
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="rows written at a time")

    def handle(self, *args, **options):
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        progress = self.say_progress if options["verbosity"] >= 2 else None
        try:
            with open_directory(options["file"], options["names"]) as (lines, names):
                summary = load_postcodes(read_rows(lines), names, options["batch_size"], progress)
        except (BadFile, OSError, zipfile.BadZipFile) as error:
            raise CommandError(str(error)) from error
        for line in summary.lines():
            self.stdout.write(line)

    def say_progress(self, read):
        self.stdout.write(f"{read:,} rows read …")
