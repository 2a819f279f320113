"""Production logs (JSON lines) carry no personal data and no tokens, whatever Django passes them."""

import io
import json
import logging

import pytest

from core.logs import JsonFormatter, PlainFormatter

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_log():
    """What the production handler writes for Django's loggers, one parsed JSON object a line."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    loggers = [logging.getLogger(name) for name in ("django", "django.server")]  # runserver's does not propagate
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_a_logged_request_is_its_method_and_path_only(client, home_page, json_log):
    """Django's request logger hands over the request, whose repr carries the query string (a token)."""
    response = client.get("/statement/no-such-page/?token=SECRET-TOKEN&email=rosa%40example.org")
    assert response.status_code == 404

    (entry,) = [entry for entry in json_log() if entry["logger"] == "django.request"]
    assert entry["message"] == "Not Found: /statement/no-such-page/"
    assert entry["request"] == "GET /statement/no-such-page/"
    assert entry["status_code"] == 404
    text = json.dumps(entry)
    assert "SECRET-TOKEN" not in text and "rosa" not in text


def test_query_strings_and_email_addresses_are_blanked_wherever_they_appear(json_log):
    logger = logging.getLogger("django.server")
    try:
        raise ValueError("Key (page_id, email_normalised)=(3, rosa@example.org) already exists.")
    except ValueError:
        logger.exception(
            '"GET /statement/confirm/?token=SECRET HTTP/1.1" 200',
            extra={"request": object(), "server_time": "02/Dec/2026", "note": "rosa@example.org"},
        )

    (entry,) = json_log()
    text = json.dumps(entry)
    assert "SECRET" not in text and "rosa@example.org" not in text
    assert entry["message"] == '"GET /statement/confirm/?[query] HTTP/1.1" 200'
    assert "request" not in entry  # runserver's socket: its text names the visitor's address
    assert entry["server_time"] == "02/Dec/2026"
    assert "already exists" in entry["exception"]


def test_plain_text_logs_are_scrubbed_too():
    """LOG_FORMAT=plain is for people at a terminal; it must not bring back what the JSON lines leave out."""
    record = logging.LogRecord("django.request", logging.WARNING, "", 0, "Not Found: %s", ("/x?token=abc",), None)
    record.__dict__["note"] = "jane@example.org"
    line = PlainFormatter("%(levelname)s %(message)s").format(record)
    assert line == "WARNING Not Found: /x?[query]"
