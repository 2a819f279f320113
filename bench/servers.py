"""Real app servers on loopback: throwaway databases, production settings, gunicorn.

Used by the benchmarks and by tests/production/test_two_servers.py. Nothing
here talks to anything but 127.0.0.1: PostgreSQL on 5432, Redis on 6379 and
the gunicorn servers it starts itself.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
POSTGRES_PORT = 5432
REDIS_PORT = 6379
POSTGRES_USER = os.environ.get("BENCH_POSTGRES_USER", os.environ.get("PGUSER", "postgres"))


def _answers(port):
    try:
        with socket.create_connection((HOST, port), timeout=1):
            return True
    except OSError:
        return False


def postgres_problem():
    """Why PostgreSQL cannot be used (a sentence), or None when it answers."""
    if not _answers(POSTGRES_PORT):
        return f"no PostgreSQL server answers on {HOST}:{POSTGRES_PORT}"
    try:
        with _admin_connection() as connection:
            connection.execute("SELECT 1")
    except Exception as error:  # noqa: BLE001 - any failure means "cannot use it"
        return f"PostgreSQL on {HOST}:{POSTGRES_PORT} refused user {POSTGRES_USER}: {error}"
    return None


def redis_problem():
    """Why Redis cannot be used (a sentence), or None when it answers PING."""
    import redis

    try:
        redis.Redis(host=HOST, port=REDIS_PORT, socket_timeout=2).ping()
    except Exception as error:  # noqa: BLE001
        return f"no Redis server answers on {HOST}:{REDIS_PORT} ({error})"
    return None


def _admin_connection():
    import psycopg

    return psycopg.connect(host=HOST, port=POSTGRES_PORT, user=POSTGRES_USER, dbname="postgres", autocommit=True)


def database_url(name):
    return f"postgres://{POSTGRES_USER}@{HOST}:{POSTGRES_PORT}/{name}"


def create_database(name):
    with _admin_connection() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(name):
    with _admin_connection() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def forget_redis_keys(prefix, db):
    """Delete the cache keys one run made (its own KEY_PREFIX), leaving everything else alone."""
    import redis

    client = redis.Redis(host=HOST, port=REDIS_PORT, db=db)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start : start + 1000])


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Stack:
    """One throwaway deployment: a database, a Redis key prefix, static files, settings.

    Its `env` is what every process of the deployment runs with: production
    settings (via bench.settings, which only adds a temporary STATIC_ROOT, the
    WhiteNoise root and the baseline view), a random 64-character SECRET_KEY,
    the database queue for tasks, Redis for cache and rate limits.
    """

    def __init__(self, db_name, redis_db=15, **extra_env):
        self.db_name = db_name
        self.redis_db = redis_db
        self.workdir = Path(tempfile.mkdtemp(prefix=f"{db_name}-"))
        self.static_root = self.workdir / "static"
        self.whitenoise_root = self.workdir / "root"
        self.whitenoise_root.mkdir()
        self.key_prefix = f"{db_name}-{secrets.token_hex(4)}"
        self.secret_key = secrets.token_urlsafe(48)
        self.env = {
            **{key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))},
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": self.secret_key,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url(db_name),
            "REDIS_URL": f"redis://{HOST}:{REDIS_PORT}/{redis_db}",
            "CACHE_KEY_PREFIX": self.key_prefix,
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            # Production refuses backends that deliver nothing; anymail's test backend
            # only keeps messages in memory, and the benchmarks send none.
            "EMAIL_BACKEND": "anymail.backends.test.EmailBackend",
            "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
            "MEDIA_ROOT": str(self.workdir / "media"),
            "BENCH_STATIC_ROOT": str(self.static_root),
            "BENCH_WHITENOISE_ROOT": str(self.whitenoise_root),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            **extra_env,
        }
        self.servers = []

    def manage(self, *args, timeout=600):
        """Run manage.py with this deployment's settings; raise with its output if it fails."""
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def run_module(self, module, *args, timeout=3600):
        """Run `python -m module args` with this deployment's settings; its output, or raise with it if it fails."""
        result = subprocess.run(
            [PYTHON, "-m", module, *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if result.returncode:
            raise RuntimeError(f"python -m {module} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def create(self):
        """A new database with the schema, the demo site and collected static files."""
        create_database(self.db_name)
        # collectstatic needs no database: it runs while migrate waits on PostgreSQL.
        collect = subprocess.Popen(
            [PYTHON, "manage.py", "collectstatic", "--noinput"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            self.manage("migrate", "--noinput")
            self.manage("load_demo_content")
        finally:
            output, _ = collect.communicate(timeout=600)
        if collect.returncode:
            raise RuntimeError(f"manage.py collectstatic failed:\n{output}")

    def server(self, port=None, workers=None, access_log=False, **extra_env):
        server = Gunicorn(
            self, port or free_port(), workers=workers, env={**self.env, **extra_env}, access_log=access_log
        )
        self.servers.append(server)
        return server

    def destroy(self):
        for server in self.servers:
            server.stop()
        try:
            drop_database(self.db_name)
        finally:
            forget_redis_keys(self.key_prefix, self.redis_db)
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.destroy()


def default_workers():
    """gunicorn's own advice: two sync workers per core, plus one."""
    return 2 * (os.cpu_count() or 1) + 1


def wait_until_it_answers(server, name, url, timeout, any_status=False):
    """Poll `url` until it answers 200 (or, with `any_status`, anything at all) while `server.process` runs.

    Stops the server and raises, with its log, if it exits or does not answer within `timeout` seconds.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{name} exited:\n{server.log()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except urllib.error.HTTPError:
            if any_status:
                return
            time.sleep(0.2)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"{name} did not answer in {timeout} s:\n{server.log()}")


class Gunicorn:
    """A gunicorn serving config.wsgi on 127.0.0.1:port; its output goes to a log file.

    With access_log, every request it answers is a line of access_log_path
    (the benchmark counts the requests a caching proxy let through).
    """

    def __init__(self, stack, port, workers=None, env=None, access_log=False):
        self.stack = stack
        self.port = port
        self.workers = workers or int(os.environ.get("BENCH_WORKERS", default_workers()))
        self.env = env or stack.env
        self.log_path = stack.workdir / f"gunicorn-{port}.log"
        self.access_log_path = stack.workdir / f"gunicorn-{port}-access.log" if access_log else None
        self.process = None

    @property
    def url(self):
        return f"http://{HOST}:{self.port}"

    def start(self, timeout=180):
        log = open(self.log_path, "ab")  # noqa: SIM115 - the server keeps writing to it
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "config.wsgi",
                f"--bind={HOST}:{self.port}",
                f"--workers={self.workers}",
                "--worker-class=sync",
                "--backlog=2048",
                "--timeout=60",
                "--graceful-timeout=5",
                *([f"--access-logfile={self.access_log_path}"] if self.access_log_path else []),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        wait_until_it_answers(self, f"gunicorn on port {self.port}", f"{self.url}/statement/", timeout)
        return self

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def restart(self):
        self.stop()
        return self.start()

    @property
    def upstream(self):
        return f"{HOST}:{self.port}"

    def requests_for(self, path):
        """How many requests for `path` (no query string) the access log holds so far."""
        try:
            text = self.access_log_path.read_text(errors="replace")
        except FileNotFoundError:
            return 0
        return text.count(f'"GET {path} HTTP/')

    def tracebacks(self):
        """How many tracebacks its whole log holds (every start appends to the same file)."""
        try:
            return self.log_path.read_text(errors="replace").count("Traceback")
        except FileNotFoundError:
            return 0

    def log(self, tail=4000):
        try:
            return self.log_path.read_text(errors="replace")[-tail:]
        except FileNotFoundError:
            return ""


def postgres_version():
    """Its version, and whether autovacuum runs (without it the task queue's statistics are the worker's to keep)."""
    with _admin_connection() as connection:
        version = connection.execute("SHOW server_version").fetchone()[0]
        autovacuum = connection.execute("SHOW autovacuum").fetchone()[0]
    return f"{version}, autovacuum {autovacuum}"


def redis_version():
    import redis

    return redis.Redis(host=HOST, port=REDIS_PORT).info("server")["redis_version"]
