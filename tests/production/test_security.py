"""Security headers on every page type, a CSP the site's own pages satisfy, and /health/."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(statement_page, site_settings):
    from tests.home.factories import ContentPageFactory

    ContentPageFactory(parent=statement_page.get_parent(), slug="about", title="About")
    return ["/", "/about/", statement_page.url, f"{statement_page.url}signatories/", f"{statement_page.url}sign/done/"]


def test_every_page_carries_security_headers(client, pages):
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Frame-Options"] == "DENY", url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert "default-src 'self'" in response["Content-Security-Policy"], url
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"], url


def test_pages_load_nothing_the_policy_would_block(client, pages):
    """No inline script or style, and every src/href of a script, style or image is our own."""
    for url in pages:
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert "<style" not in html and " style=" not in html, url
        assert " on" + "click=" not in html, url
        for src in re.findall(r'<(?:script|img|iframe)[^>]*\bsrc="([^"]+)"', html):
            assert src.startswith("/"), (url, src)
        for href in re.findall(r'<link[^>]*\bhref="([^"]+)"', html):
            assert href.startswith("/"), (url, href)


def test_the_signing_form_posts_to_our_own_origin(client, pages, statement_page):
    html = client.get(statement_page.url).content.decode()
    assert re.search(r'<form method="post" action="/', html)
    assert "form-action 'self'" in client.get(statement_page.url)["Content-Security-Policy"]


def test_health_reports_database_and_cache(client, db, settings):
    settings.HEALTH_TOKEN = "token"
    response = client.get("/health/", headers={"Authorization": "Bearer token"})
    assert response.status_code == 200
    assert {key: response.json()[key] for key in ("status", "database", "cache")} == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
    }
    assert "no-cache" in response["Cache-Control"]


def test_health_says_when_the_cache_is_down_without_failing(client, db, settings):
    """Every server shares the cache and serves without it (core/health.py): no 503 for it."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    cache.close()
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_access_log_never_carries_query_strings(tmp_path):
    """Confirm and withdraw links carry tokens, searches carry names: the log keeps only the path.

    Starts gunicorn exactly as the Procfile's web line says (through the
    shell, as a platform does), with the test settings on a throwaway database.
    """
    root = Path(__file__).resolve().parents[2]
    web = next(line for line in (root / "Procfile").read_text().splitlines() if line.startswith("web:"))
    port = free_port()
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    log = tmp_path / "gunicorn.log"
    with open(log, "wb") as output:
        server = subprocess.Popen(
            ["sh", "-c", web.removeprefix("web:").strip().replace("0.0.0.0", "127.0.0.1")],
            cwd=root,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/?token=SECRET-TOKEN&q=Jane+Doe") as answer:
                    assert answer.status == 200
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        while "/health/" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)  # the worker writes the line just after it sends the answer
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    lines = [line for line in log.read_text().splitlines() if "/health/" in line]
    assert lines and '"GET /health/ HTTP/1.1" 200' in lines[0], log.read_text()
    assert "SECRET-TOKEN" not in log.read_text() and "Jane" not in log.read_text()
