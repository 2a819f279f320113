"""Peak memory of building a hand-in pack for 100,000 and for 1,000,000 signatories (target: ratio ≤ 1.1).

`python -m bench.handin_memory` needs PostgreSQL on 127.0.0.1 (as `make bench`): it makes a throwaway
database, migrates it, and for each size runs a fresh process that grows the statement's signatures to
that many (PostgreSQL's generate_series, bench.signature_search.grow_to; one in 20 an organisation, three
in four on the public list, spread over regions and a union), then builds the pack as the background task
does (campaign.handin.tasks.build: parts on disk, joined, stored in a FileSystemStorage of a temporary
folder). It prints one JSON line per size and the ratio of the peaks, then drops the database. Peaks are
the kernel's VmHWM, reset just before the build (bench.memory), so importing Django cannot hide it.

BENCH_HANDIN_SMALL and BENCH_HANDIN_LARGE change the sizes (100,000 and 1,000,000).
"""

import json
import os
import subprocess
import sys
import tempfile
import time

from bench.memory import peak_rss_kib, reset_peak, run_measurement, status_kib
from bench.servers import PYTHON, ROOT, create_database, database_url, drop_database, postgres_problem

DATABASE = "bench_handin_memory"
SIZES = (int(os.environ.get("BENCH_HANDIN_SMALL", "100000")), int(os.environ.get("BENCH_HANDIN_LARGE", "1000000")))
TARGET = 1.1
REGIONS = ["north-east", "yorkshire", "london", "scotland", "wales", "south-west"]
# Per generated row (by id): kind, organisation, public list, region and union (PostgreSQL).
VARY = """
UPDATE {table} SET
  kind = CASE WHEN id %% 20 = 0 THEN 'organisation' ELSE 'person' END,
  organisation = CASE WHEN id %% 20 = 0 THEN 'Branch ' || id ELSE organisation END,
  show_publicly = (id %% 4 <> 0),
  region = (%(regions)s::text[])[1 + id %% 6],
  union_id = CASE WHEN id %% 40 = 0 THEN %(union)s END
WHERE page_id = %(page)s AND email_normalised LIKE 'signer%%'
"""


def statement_page():
    """The database's first statement, or a new one under the root when it has none (a freshly migrated database)."""
    from wagtail.models import Page

    from statements.models import StatementPage

    page = StatementPage.objects.order_by("path").first()
    if page is None:
        page = Page.get_first_root_node().add_child(
            instance=StatementPage(title="Fund our services", slug="statement", body="<p>We call for funding.</p>")
        )
    return page


def grow(page, count):
    """Signatures up to `count` (confirmed, varied as VARY says), then the kept counts rebuilt from them."""
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from bench.signature_search import grow_to
    from statements.models import Signature, Union

    union, _ = Union.objects.get_or_create(name="Unite")
    now = timezone.now()
    if not page.signatures.exists():
        Signature.objects.create(page=page, name="Signer 0", email="signer0@example.org", confirmed_at=now)
    if connection.vendor == "postgresql":
        grow_to(page, count)
        with connection.cursor() as cursor:
            cursor.execute(
                VARY.format(table=Signature._meta.db_table), {"regions": REGIONS, "union": union.pk, "page": page.pk}
            )
    else:  # the test's tiny sizes on SQLite
        have = page.signatures.count()
        Signature.objects.bulk_create(
            Signature(
                page=page,
                kind="organisation" if n % 20 == 0 else "person",
                name=f"Signer {n}",
                organisation=f"Branch {n}" if n % 20 == 0 else "",
                email=f"signer{n}@example.org",
                email_normalised=f"signer{n}@example.org",
                show_publicly=n % 4 != 0,
                region=REGIONS[n % len(REGIONS)],
                union=union if n % 40 == 0 else None,
                confirmed_at=now,
            )
            for n in range(have + 1, count + 1)
        )
    call_command("recount_signatures", stdout=open(os.devnull, "w"))  # noqa: SIM115


def build_pack(page):
    """Build a pack of `page` as the task does, into a FileSystemStorage of a temporary folder; its figures."""
    from django.test import override_settings

    from campaign.handin.models import HandinPack
    from campaign.handin.tasks import build

    pack = HandinPack.objects.create(page=page)
    with tempfile.TemporaryDirectory() as media, override_settings(STORAGES=on_disk(media)):
        before = status_kib("VmRSS")
        peak_reset = reset_peak()
        started = time.perf_counter()
        build(pack)
        seconds = time.perf_counter() - started
        peak = peak_rss_kib()
        size = pack.file.size
    return {
        "signatures": page.signatures.count(),
        "names": pack.signatories,
        "pages": pack.pages,
        "bytes": size,
        "seconds": round(seconds, 2),
        "rss_before_kib": before,
        "peak_kib": peak,
        "growth_kib": peak - before,
        "peak_reset": peak_reset,
    }


def on_disk(folder):
    from django.conf import settings

    return {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": folder}},
    }


def measure(count):
    import django

    django.setup()
    page = statement_page()
    grow(page, count)
    return build_pack(page)


def measure_sizes(sizes=SIZES):
    """Each size in a fresh process on a throwaway database; the figures, or None when PostgreSQL is missing."""
    if postgres_problem():
        return None
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))},
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(DATABASE),
    }
    create_database(DATABASE)
    try:
        migrate = subprocess.run(
            [PYTHON, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env, capture_output=True, text=True
        )
        if migrate.returncode:
            raise RuntimeError(migrate.stdout + migrate.stderr)
        return [run_measurement("bench.handin_memory", count, env) for count in sizes]
    finally:
        drop_database(DATABASE)


def report_line(figures):
    """The bench row: peak memory of the largest size ÷ the smallest, against the target."""
    if not figures:
        return f"hand-in pack memory: SKIPPED ({postgres_problem()})"
    small, large = figures[0], figures[-1]
    ratio = large["peak_kib"] / small["peak_kib"]
    verdict = "met" if ratio <= TARGET else "NOT met"
    return (
        f"hand-in pack, peak memory {large['signatures']:,} ÷ {small['signatures']:,} signatories: {ratio:.3f} "
        f"({large['peak_kib'] / 1024:.0f} MiB ÷ {small['peak_kib'] / 1024:.0f} MiB; {large['pages']:,} and "
        f"{small['pages']:,} pages in {large['seconds']:.0f} s and {small['seconds']:.0f} s; "
        f"target ≤ {TARGET:g}, {verdict})"
    )


def main(argv):
    sizes = tuple(int(size) for size in argv[1:3]) if len(argv) > 2 else SIZES
    figures = measure_sizes(sizes)
    for figure in figures or ():
        print(json.dumps(figure))
    print(report_line(figures))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 2:
        print(json.dumps(measure(int(sys.argv[1]))))
    else:
        sys.exit(main(sys.argv))
