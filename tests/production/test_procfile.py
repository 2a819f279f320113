"""A first deploy from the Procfile, as a platform runs it.

Reads the Procfile's `release`, `web` and `worker` lines and runs each exactly
as written through `sh -c`, with only what a platform gives: production
environment variables (no DJANGO_SETTINGS_MODULE: the Procfile must choose
production itself), a new empty PostgreSQL database and Redis. Then it checks
what a first deploy needs: release migrates and collects static files with
their manifest, web serves the statement page and its CSS, a signing on web is
delivered by the worker (through tests.email_backends.DirectoryBackend, which
writes each message to a folder this test reads), and /health/ answers 200.

Needs DATABASE_URL pointing to PostgreSQL on 127.0.0.1 and Redis on
127.0.0.1:6379; skipped with the reason otherwise. Takes about a minute.
"""

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from bench.load import csrf_pair
from bench.servers import (
    HOST,
    PYTHON,
    REDIS_PORT,
    ROOT,
    create_database,
    database_url,
    drop_database,
    forget_redis_keys,
    free_port,
    postgres_problem,
    redis_problem,
)


def skip_reason():
    url = urlsplit(os.environ.get("DATABASE_URL", ""))
    if url.scheme not in {"postgres", "postgresql", "pgsql"}:
        return "the Procfile test needs DATABASE_URL pointing to PostgreSQL"
    if url.hostname not in {HOST, "localhost"}:
        return f"the Procfile test runs against PostgreSQL on {HOST}, not {url.hostname}"
    return postgres_problem() or redis_problem()


REASON = skip_reason()
needs_postgres_and_redis = pytest.mark.skipif(REASON is not None, reason=f"SKIPPED Procfile deploy: {REASON}")

REDIS_DB = 13
PERSON = {
    "kind": "person",
    "name": "First Deploy",
    "email": "first-deploy@example.org",
    "town": "Leeds",
    "region": "yorkshire",
    "show_publicly": "on",
    "website": "",
}


def procfile():
    """The Procfile's lines as {process: command}."""
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip() and not line.startswith("#"))


class Deploy:
    """A throwaway deployment: its database, Redis key prefix, folders and the processes it started."""

    def __init__(self):
        database = urlsplit(os.environ["DATABASE_URL"]).path.lstrip("/") or "campaign"
        self.db_name = f"{database}_procfile"
        self.workdir = Path(tempfile.mkdtemp(prefix="procfile-"))
        self.static_root = self.workdir / "static"
        self.outbox = self.workdir / "outbox"
        self.outbox.mkdir()
        self.port = free_port()
        self.key_prefix = f"procfile-{os.getpid()}"
        self.processes = {}
        # What a platform sets: never DJANGO_SETTINGS_MODULE (pytest's own is test settings).
        inherited = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
        self.env = {
            **inherited,
            "PATH": f"{Path(PYTHON).parent}{os.pathsep}{inherited.get('PATH', '')}",
            "SECRET_KEY": "procfile-test-" + "k" * 60,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url(self.db_name),
            "REDIS_URL": f"redis://{HOST}:{REDIS_PORT}/{REDIS_DB}",
            "CACHE_KEY_PREFIX": self.key_prefix,
            "WAGTAILADMIN_BASE_URL": f"http://{HOST}:{self.port}",
            "EMAIL_BACKEND": "tests.email_backends.DirectoryBackend",
            "TEST_EMAIL_DIR": str(self.outbox),
            "STATIC_ROOT": str(self.static_root),
            "MEDIA_ROOT": str(self.workdir / "media"),
            "PORT": str(self.port),
            "WEB_CONCURRENCY": "2",
            "PYTHONUNBUFFERED": "1",
        }

    @property
    def url(self):
        return f"http://{HOST}:{self.port}"

    def run(self, command, timeout=600):
        """Run a shell command to its end; raise with its output if it fails."""
        result = subprocess.run(
            ["sh", "-c", command], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if result.returncode:
            raise AssertionError(f"{command!r} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        return result.stdout

    def start(self, name, command):
        """Start a long-running process in its own process group, its output in a log file."""
        with open(self.workdir / f"{name}.log", "wb") as log:
            self.processes[name] = subprocess.Popen(
                ["sh", "-c", command],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def log(self, name):
        return (self.workdir / f"{name}.log").read_text(errors="replace")[-4000:]

    def wait_for_web(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.processes["web"].poll() is not None:
                raise AssertionError(f"web exited:\n{self.log('web')}")
            try:
                with urllib.request.urlopen(f"{self.url}/health/", timeout=5):
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        raise AssertionError(f"web did not answer in {timeout} s:\n{self.log('web')}")

    def stop(self):
        """Stop every process group this deployment started: politely, then firmly."""
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)

    def destroy(self):
        try:
            self.stop()
        finally:
            try:
                drop_database(self.db_name)
            finally:
                forget_redis_keys(self.key_prefix, REDIS_DB)
                shutil.rmtree(self.workdir, ignore_errors=True)


@pytest.fixture
def deploy():
    deployment = Deploy()
    try:
        create_database(deployment.db_name)
        yield deployment
    finally:
        deployment.destroy()


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read().decode(errors="replace")


def post(deploy, path, form, csrf):
    token, cookie = csrf
    connection = http.client.HTTPConnection(HOST, deploy.port, timeout=60)
    try:
        connection.request(
            "POST",
            path,
            body=urlencode({**form, "csrfmiddlewaretoken": token}),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}"},
        )
        return connection.getresponse().status
    finally:
        connection.close()


def wait_for_email(folder, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        messages = sorted(folder.glob("*.json"))
        if messages:
            return [json.loads(message.read_text()) for message in messages]
        time.sleep(0.3)
    return []


@pytest.mark.postgres
@needs_postgres_and_redis
def test_the_procfile_deploys_serves_and_delivers(deploy):
    processes = procfile()
    assert set(processes) >= {"release", "web", "worker", "scheduler"}

    deploy.run(processes["release"])
    assert (deploy.static_root / "staticfiles.json").exists(), "collectstatic wrote no manifest"
    # Not a Procfile process: content an editor would add, the statement page among it.
    deploy.run(f"DJANGO_SETTINGS_MODULE=config.settings.production {PYTHON} manage.py load_demo_content")

    deploy.start("web", processes["web"])
    deploy.start("worker", processes["worker"])
    deploy.wait_for_web()

    status, html = get(f"{deploy.url}/statement/")
    assert status == 200
    stylesheets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    static = [href for href in stylesheets if href.startswith("/static/")]
    assert static, f"the statement page links no stylesheet from /static/: {stylesheets}"
    assert all(re.search(r"\.[0-9a-f]{12}\.css$", href) for href in static), f"not manifest names: {static}"
    for href in stylesheets:
        assert get(f"{deploy.url}{href}")[0] == 200, href

    csrf = csrf_pair(f"{deploy.url}/statement/")
    assert post(deploy, "/statement/sign/", PERSON, csrf) == 302

    messages = wait_for_email(deploy.outbox)
    assert messages, f"the worker delivered nothing:\n{deploy.log('worker')}"
    [message] = messages
    assert message["to"] == [PERSON["email"]]
    link = re.search(r"https?://\S+/confirm/\?token=\S+", message["body"]).group(0)
    confirm = urlsplit(link)
    status, page = get(f"{deploy.url}{confirm.path}?{confirm.query}")
    assert status == 200 and "Confirm" in page

    status, body = get(f"{deploy.url}/health/")
    assert status == 200
    assert json.loads(body)["status"] == "ok"
    for name, process in deploy.processes.items():
        assert process.poll() is None, f"{name} exited:\n{deploy.log(name)}"


def test_the_procfile_lines_choose_production_unless_the_platform_chose():
    """Without PostgreSQL too: each line's shell prefix picks the settings a platform did not."""
    processes = procfile()
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    for name in ("worker", "scheduler", "release"):
        probe = (
            processes[name].split("python manage.py", 1)[0]
            + f"{sys.executable} -c \"import os; print(os.environ['DJANGO_SETTINGS_MODULE'])\""
        )
        chosen = subprocess.run(["sh", "-c", probe], env=env, capture_output=True, text=True, check=True).stdout
        assert chosen.strip() == "config.settings.production", name
        mine = subprocess.run(
            ["sh", "-c", probe], env={**env, "DJANGO_SETTINGS_MODULE": "bench.settings"}, capture_output=True, text=True
        ).stdout
        assert mine.strip() == "bench.settings", name
