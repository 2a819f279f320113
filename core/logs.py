"""Logs as one JSON object a line, for production log collectors.

Our own calls never log personal data, but Django's do: a request's repr carries its query string (a
confirm link's token) and a database error may quote an email address. So a request is written as its
method and path, other objects are dropped, and query strings and email addresses are blanked.
"""

import json
import logging
import re

STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}
PLAIN = (str, int, float, bool, type(None))

QUERY_STRING = re.compile(r"\?[^\s\"'<>]+")
EMAIL_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


def scrub(text):
    """`text` without query strings (tokens travel in them) and email addresses."""
    return EMAIL_ADDRESS.sub("[email]", QUERY_STRING.sub("?[query]", text))


def request_line(request):
    """A request as "METHOD /path": no query string, headers, cookies or client address."""
    method, path = getattr(request, "method", None), getattr(request, "path", None)
    return scrub(f"{method} {path}") if isinstance(method, str) and isinstance(path, str) else None


def field(key, value):
    if key == "request":
        return request_line(value)
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, PLAIN):
        return value
    return None  # an object whose text may hold anything (a socket's peer address, a form's data)


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
        }
        for key, value in record.__dict__.items():
            if key not in STANDARD and (value := field(key, value)) is not None:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry)


class PlainFormatter(logging.Formatter):
    """Text lines for people reading a terminal (LOG_FORMAT=plain), scrubbed as the JSON lines are."""

    def format(self, record):
        return scrub(super().format(record))
