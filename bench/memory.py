"""Peak memory of the streamed CSV export, measured in a fresh process per size.

`python -m bench.memory` (with the deployment's environment) downloads the
signatures list's CSV as the admin serves it: GET /admin/statements/signature/
filtered by source (as an organiser filters on screen) with `export=csv`,
through Django's test client as a superuser, so the whole request goes through
the list's view and core.exports' streamed writer. It reads the response to
the end as a WSGI server would, and prints one JSON line: rows, bytes,
seconds, the resident memory just before the export and its peak during the
export. The kernel's peak counter (VmHWM) is reset just before the
export, so the peak of importing Django cannot hide what the export uses; a
fresh process per size keeps one size's peak from hiding the other's.
"""

import json
import resource
import subprocess
import sys
import time

from bench.servers import PYTHON, ROOT


def status_kib(field):
    """A memory figure of this process from /proc/self/status, in KiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise LookupError(field)


def reset_peak():
    """Make VmHWM start again from the current RSS (Linux 4.0 and later); False if not allowed."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return True


def peak_rss_kib():
    try:
        return status_kib("VmHWM")
    except (OSError, LookupError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


LIST_URL = "/admin/statements/signature/"


def download(client, source):
    """The signatures list's CSV download, filtered by source, not yet read."""
    response = client.get(LIST_URL, {"source__exact": source, "export": "csv"})
    if response.status_code != 200 or not response.streaming:
        raise RuntimeError(f"the signatures' CSV download answered {response.status_code}")
    return response


def measure(source):
    import django

    django.setup()
    from django.test import override_settings

    from bench.signature_search import AS_THE_TEST_CLIENT, admin_client

    with override_settings(**AS_THE_TEST_CLIENT):
        client = admin_client()
        client.get(LIST_URL, {"source__exact": source})  # the list the organiser downloads from: a warm start
        before = status_kib("VmRSS")
        peak_reset = reset_peak()
        started = time.perf_counter()
        lines = size = 0
        for chunk in download(client, source).streaming_content:  # closed, as a WSGI server does, once read
            lines += chunk.count(b"\n")
            size += len(chunk)
    return {
        "rows": lines - 1,  # less the heading line
        "bytes": size,
        "seconds": round(time.perf_counter() - started, 2),
        "rss_before_kib": before,
        "peak_kib": peak_rss_kib(),
        "peak_reset": peak_reset,
    }


def run_measurement(module, argument, env):
    """Run `python -m module argument` with `env` (a fresh process, so its peak memory is its own); return its JSON.

    The module prints its measurements as JSON on its last line.
    """
    result = subprocess.run(
        [PYTHON, "-m", module, str(argument)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    if result.returncode:
        raise RuntimeError(f"{module} {argument} failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def export_peak(env, source):
    """Run the export in a subprocess with `env`; return its measurements."""
    return run_measurement("bench.memory", source, env)


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1])))
