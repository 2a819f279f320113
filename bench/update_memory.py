"""Peak memory of queuing an email update, for 10,000 and for 100,000 subscribers.

`python -m bench.update_memory` needs PostgreSQL on 127.0.0.1 (as `make
bench`); it makes a throwaway database, migrates it, and for each size runs
a fresh process that loads that many subscribers (PostgreSQL's
generate_series, no Python per row), then measures `sending.prepare`: the
worker's step that writes one delivery row per recipient. It prints one
JSON line per size and the ratio of the peaks (target: at most 1.1, DESIGN.md
*Scale*), then drops the database. Peaks are the kernel's VmHWM, reset just
before the step (bench.memory), so importing Django cannot hide it; the
growth over the resident size before the step is printed too.
"""

import json
import os
import subprocess
import sys
import time

from bench.memory import peak_rss_kib, reset_peak, run_measurement, status_kib
from bench.servers import PYTHON, ROOT, create_database, database_url, drop_database, postgres_problem

DATABASE = "bench_update_memory"
SIZES = (10_000, 100_000)
TARGET = 1.1


def load(count):
    """`count` subscribers receiving updates, and a published update with a send to queue."""
    from django.db import connection
    from wagtail.models import Page

    from campaign.news.models import UpdateIndexPage, UpdatePage, UpdateSend

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE news_updatedelivery, news_updatesend, core_consent, core_subscriber")
        cursor.execute(
            "INSERT INTO core_subscriber (email, status, created_at) "
            "SELECT 'subscriber-' || n || '@example.org', 'subscribed', now() FROM generate_series(1, %s) AS n",
            [count],
        )
    index = UpdateIndexPage.objects.first()
    if index is None:
        index = Page.get_first_root_node().add_child(instance=UpdateIndexPage(title="News", slug="news"))
    page = UpdatePage.objects.first() or index.add_child(instance=UpdatePage(title="An update", slug="an-update"))
    page.save_revision().publish()
    return UpdateSend.objects.create(page=page, revision=page.get_latest_revision())


def measure(count):
    import django

    django.setup()
    from campaign.news import sending

    send = load(count)
    before = status_kib("VmRSS")
    peak_reset = reset_peak()
    started = time.perf_counter()
    sending.prepare(send)
    return {
        "recipients": send.total,
        "seconds": round(time.perf_counter() - started, 2),
        "rss_before_kib": before,
        "peak_kib": peak_rss_kib(),
        "growth_kib": peak_rss_kib() - before,
        "peak_reset": peak_reset,
    }


def run_size(env, count):
    return run_measurement("bench.update_memory", count, env)


def main():
    problem = postgres_problem()
    if problem:
        print(f"skipped: {problem}")
        return 0
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
        figures = [run_size(env, count) for count in SIZES]
    finally:
        drop_database(DATABASE)
    for figure in figures:
        print(json.dumps(figure))
    ratio = figures[-1]["peak_kib"] / figures[0]["peak_kib"]
    verdict = "met" if ratio <= TARGET else "NOT met"
    sizes = f"{SIZES[-1]:,} / {SIZES[0]:,} recipients"
    print(f"queuing an update: peak memory {sizes} = {ratio:.3f} (target <= {TARGET}: {verdict})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(json.dumps(measure(int(sys.argv[1]))))
    else:
        sys.exit(main())
