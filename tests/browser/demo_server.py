"""The shared demo site the read-only browser checks visit: a real server in a subprocess.

Built once per session: migrate and load the demo content into a throwaway
SQLite file, then `runserver --noreload` on a free port, with the settings
in config/settings/browser.py (DEBUG off, real media files, no throttling).
Building is most of the cost (the migrations), so it starts in the
background as soon as the tests are collected and overlaps the other tests.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_BUILD = (
    "import django; django.setup(); from django.core.management import call_command; "
    "call_command('migrate', interactive=False, verbosity=0); call_command('load_demo_content')"
)


class DemoServer:
    """Builds the demo database in the background; `start()` waits for it and serves it."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="campaign-browser-"))
        self.log_path = self.folder / "server.log"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.browser",
            "DATABASE_URL": f"sqlite:///{self.folder / 'demo.sqlite3'}",
            "MEDIA_ROOT": str(self.folder / "media"),
            "PYTHONUNBUFFERED": "1",
        }
        self.server = None
        self.url = None
        self.build = self._spawn([sys.executable, "-c", _BUILD])

    def _spawn(self, command):
        with self.log_path.open("ab") as log:
            return subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=log)

    def start(self, timeout=60):
        """The server's address once it answers; raises RuntimeError, with its log, when it cannot start."""
        if self.url:
            return self.url
        if self.build.wait() != 0:
            raise RuntimeError(f"Building the demo site failed:\n{self.log_path.read_text()}")
        port = _free_port()
        manage = [sys.executable, str(ROOT / "manage.py")]
        self.server = self._spawn([*manage, "runserver", "--noreload", f"127.0.0.1:{port}"])
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError(f"The demo server stopped:\n{self.log_path.read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/health/", timeout=2):
                    self.url = url
                    return url
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise RuntimeError(f"The demo server did not answer within {timeout}s:\n{self.log_path.read_text()}")

    def stop(self):
        for process in (self.build, self.server):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
