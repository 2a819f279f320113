"""Helpers for reading pages in tests as a person would."""

import re
from html import unescape


def visible_text(response_or_html):
    """The page's text with tags removed and whitespace collapsed."""
    html = response_or_html if isinstance(response_or_html, str) else response_or_html.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
