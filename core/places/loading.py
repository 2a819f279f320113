"""Loading the postcode directory's rows (core.places.onspd) into the lookup's two tables, in batches.

A batch of rows is written in one statement (an INSERT ... ON CONFLICT DO UPDATE, on PostgreSQL and
SQLite alike) and its own transaction, then forgotten: memory stays that of one batch however long
the file, and a load that stops half-way leaves every postcode either as before or as the file says.
Loading the same or a newer file again replaces each postcode's row; a postcode the file lists as
terminated, or in no constituency, is removed if an earlier load kept it. Constituencies get the
names the file came with and the nation or region of their postcodes.
"""

from dataclasses import dataclass, field

from django.db import transaction

from core.publish_clock import content_changed

from .models import Constituency, Postcode
from .onspd import MALFORMED, NO_CONSTITUENCY, TERMINATED

BATCH_SIZE = 5000

# How the summary says why rows were skipped.
SAID = {TERMINATED: "terminated", NO_CONSTITUENCY: "in no constituency", MALFORMED: "malformed"}


def counted(count, thing):
    """ "1 postcode", "2,345 postcodes" (`thing` takes an s)."""
    return f"{count:,} {thing}{'' if count == 1 else 's'}"


@dataclass
class Summary:
    """What a load did, for the organiser who ran it."""

    loaded: int = 0
    skipped: dict = field(default_factory=lambda: {TERMINATED: 0, NO_CONSTITUENCY: 0, MALFORMED: 0})
    removed: int = 0
    constituencies: int = 0
    unnamed: list = field(default_factory=list)  # codes the load had no name for

    def lines(self):
        """The summary the command prints, a line each: loaded, skipped and why, removed, unnamed."""
        constituencies = "constituency" if self.constituencies == 1 else "constituencies"
        reasons = ", ".join(f"{count:,} {SAID[reason]}" for reason, count in self.skipped.items())
        lines = [
            f"Loaded {counted(self.loaded, 'postcode')} in {self.constituencies:,} {constituencies}.",
            f"Skipped {counted(sum(self.skipped.values()), 'row')}: {reasons}.",
        ]
        if self.removed:
            lines.append(
                f"Removed {counted(self.removed, 'postcode')} an earlier load had kept, now ended or unplaced."
            )
        if self.unnamed:
            shown = ", ".join(self.unnamed[:5]) + (" …" if len(self.unnamed) > 5 else "")
            lines.append(
                f"No name yet for {len(self.unnamed):,} of them ({shown}): "
                "load again with --names and the constituency names and codes CSV."
            )
        return lines


class Batches:
    """Rows waiting to be written: postcodes to keep, postcodes to remove; each written when it is full.

    Keyed by postcode, the last row winning: a file listing a postcode twice (the directory never
    does) must not make one INSERT ... ON CONFLICT touch the same row twice, which PostgreSQL refuses.
    """

    def __init__(self, summary, size):
        self.summary, self.size = summary, size
        self.keep, self.remove = {}, set()

    def add(self, row):
        if row.skipped:
            self.summary.skipped[row.skipped] += 1
            if row.postcode:
                self.keep.pop(row.postcode, None)
                self.remove.add(row.postcode)
        else:
            self.remove.discard(row.postcode)
            self.keep[row.postcode] = Postcode(
                postcode=row.postcode,
                outward=row.postcode[:-3],
                constituency=row.constituency,
                latitude=row.latitude,
                longitude=row.longitude,
            )
        if len(self.keep) >= self.size or len(self.remove) >= self.size:
            self.write()

    def write(self):
        with transaction.atomic():
            if self.keep:
                Postcode.objects.bulk_create(
                    self.keep.values(),
                    update_conflicts=True,
                    unique_fields=["postcode"],
                    update_fields=["outward", "constituency", "latitude", "longitude"],
                )
            if self.remove:
                self.summary.removed += Postcode.objects.filter(postcode__in=self.remove).delete()[0]
        self.summary.loaded += len(self.keep)
        self.keep, self.remove = {}, set()


def load_postcodes(rows, names, batch_size=BATCH_SIZE, progress=None):
    """Write `rows` (onspd.Row) to the lookup and name their constituencies from `names` ({code: name}).

    `progress(rows read)` is called after each batch, for a long load's reassurance. Returns a Summary.
    """
    summary = Summary()
    batches = Batches(summary, batch_size)
    regions = {}  # constituency code: its postcodes' nation or region; at most one entry per constituency
    read = 0
    for read, row in enumerate(rows, start=1):  # noqa: B007 (the count is read after the loop)
        batches.add(row)
        if not row.skipped and not regions.get(row.constituency):
            regions[row.constituency] = row.region
        if progress and read % batch_size == 0:
            progress(read)
    batches.write()
    save_constituencies(regions, names, summary)
    content_changed.send(sender=Constituency)  # names on cached pages (counts by constituency) may have changed
    return summary


def save_constituencies(regions, names, summary):
    """Each constituency the rows lead to, with its name (when the file gave one) and nation or region.

    A constituency the names file does not name keeps the name an earlier load gave it; a new one
    is named by its code until a load brings names.
    """
    named = [
        Constituency(code=code, name=names[code], region=region) for code, region in regions.items() if code in names
    ]
    unnamed = [
        Constituency(code=code, name=code, region=region) for code, region in regions.items() if code not in names
    ]
    with transaction.atomic():
        if named:
            Constituency.objects.bulk_create(
                named, update_conflicts=True, unique_fields=["code"], update_fields=["name", "region"]
            )
        if unnamed:
            Constituency.objects.bulk_create(
                unnamed, update_conflicts=True, unique_fields=["code"], update_fields=["region"]
            )
    nameless = Constituency.objects.filter(code__in=[place.code for place in unnamed]).values_list("code", "name")
    summary.unnamed = sorted(code for code, name in nameless if name == code)
    summary.constituencies = len(regions)
