"""A caching reverse proxy in front of gunicorn: Debian's nginx with proxy_cache, on loopback.

The benchmark starts its own nginx (no system service, nothing under /etc or
/var): a config, a cache folder, temp folders, a pid file and logs, all in the
deployment's temporary folder. The proxy caches only what the app says it
may: it honours the response's Cache-Control (s-maxage, then max-age) and,
as nginx does by default, never stores a response that sets a cookie or says
private, no-cache or no-store. There is no proxy_cache_valid fallback and no
proxy_ignore_headers: a page that carries a per-visitor CSRF token and its
cookie reaches gunicorn on every request, and the benchmark reports that.

proxy_cache_lock and proxy_cache_use_stale updating (with background update)
are what a site behind a CDN relies on in a surge: when a page expires, one
request refreshes it and everyone else is served the stored copy meanwhile,
so at most one request per page per cache period reaches the app.
"""

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from bench.servers import HOST, free_port, wait_until_it_answers

CONFIG = """\
worker_processes auto;
daemon off;
pid {workdir}/nginx.pid;
lock_file {workdir}/nginx.lock;
error_log {workdir}/error.log warn;

events {{
    worker_connections 1024;
}}

http {{
    access_log off;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    proxy_cache_path {workdir}/cache levels=1:2 keys_zone=pages:10m max_size=256m inactive=10m;

    upstream app {{
        server {upstream};
        keepalive 16;
    }}

    server {{
        listen {host}:{port};
        location / {{
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_cache pages;
            proxy_cache_lock on;
            proxy_cache_use_stale updating;
            proxy_cache_background_update on;
            add_header X-Cache-Status $upstream_cache_status always;
        }}
    }}
}}
"""


def nginx_problem():
    """Why the proxy rows cannot be measured (a sentence), or None when nginx is installed."""
    if shutil.which("nginx") is None:
        return "nginx is not installed (Debian: apt-get install nginx-light), so the caching-proxy rows are skipped"
    return None


class Nginx:
    """nginx on 127.0.0.1:port, caching what it proxies to `upstream` (host:port)."""

    def __init__(self, upstream, port=None):
        # Its own folder, not inside the deployment's (which only its owner may enter): run as root,
        # nginx's workers drop to user nobody and must reach the cache and temp folders below it.
        self.workdir = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
        self.workdir.chmod(0o711)
        self.upstream = upstream
        self.port = port or free_port()
        self.process = None

    @property
    def url(self):
        return f"http://{HOST}:{self.port}"

    def configure(self):
        config = CONFIG.format(workdir=self.workdir, upstream=self.upstream, host=HOST, port=self.port)
        path = self.workdir / "nginx.conf"
        path.write_text(config)
        return path

    def start(self, timeout=20):
        config = self.configure()
        log = open(self.workdir / "stderr.log", "ab")  # noqa: SIM115 - nginx keeps writing to it
        self.process = subprocess.Popen(
            ["nginx", "-p", str(self.workdir), "-e", str(self.workdir / "error.log"), "-c", str(config)],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        # Any answer will do: what the app said is the app's business. Not the statement: a page that varies
        # by Accept-Encoding is stored first under the variant of whoever asked first (urllib sends "identity"),
        # and every request of another variant (wrk sends none) would then cost nginx a second cache lookup.
        wait_until_it_answers(self, "nginx", f"{self.url}/health/", timeout, any_status=True)
        return self

    def stop(self):
        """Stop nginx (gracefully: the requests in flight finish) and remove its folder."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        shutil.rmtree(self.workdir, ignore_errors=True)

    def log(self):
        text = ""
        for name in ("stderr.log", "error.log"):
            path = self.workdir / name
            if path.exists():
                text += path.read_text(errors="replace")[-2000:]
        return text

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()
