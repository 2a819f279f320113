"""Peak memory of the streamed CSV export, measured in a fresh process per size.

`python -m bench.memory` (with the deployment's environment) builds the same
response the admin's export view returns (statements.exports.csv_response
over the signatures filtered by source, as an organiser filters on screen),
reads it to the end as a WSGI server would, and prints one JSON line: rows,
bytes, seconds, the process's peak RSS before the export and after it.
A fresh process per size keeps one run's peak from hiding the next one's.
"""

import json
import resource
import subprocess
import sys
import time

from bench.servers import PYTHON, ROOT


def peak_rss_kib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def measure(source):
    import django

    django.setup()
    from statements.exports import csv_response
    from statements.models import Signature

    queryset = Signature.objects.filter(source=source).order_by("pk")
    queryset.exists()  # connect and warm up before the baseline reading
    before = peak_rss_kib()
    started = time.perf_counter()
    lines = size = 0
    for chunk in csv_response(queryset):
        lines += chunk.count(b"\n")
        size += len(chunk)
    return {
        "rows": lines - 1,  # less the heading line
        "bytes": size,
        "seconds": round(time.perf_counter() - started, 2),
        "rss_before_kib": before,
        "peak_kib": peak_rss_kib(),
    }


def export_peak(env, source):
    """Run the export in a subprocess with `env`; return its measurements."""
    result = subprocess.run(
        [PYTHON, "-m", "bench.memory", source],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode:
        raise RuntimeError(f"the export failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1])))
