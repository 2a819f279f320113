"""The motion as plain text, with the branch's name where the editor wrote the placeholder."""

import re
from html import unescape

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

BRANCH_PLACEHOLDER = "[branch]"
_BLOCK_END = re.compile(r"</(p|h2|h3|h4|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


_ORDERED_LIST = re.compile(r"<ol[^>]*>(.*?)</ol>", re.IGNORECASE | re.DOTALL)
_LIST_ITEM = re.compile(r"<li[^>]*>", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(^|(?<=[.!?:]\s))" + re.escape(BRANCH_PLACEHOLDER), re.MULTILINE)


def _number_items(match):
    counter = iter(range(1, 1000))
    return _LIST_ITEM.sub(lambda _: f"{next(counter)}. ", match.group(1))


def rich_text_to_plain(html):
    """Plain text of editor HTML: one paragraph per block, numbered or "- " list items."""
    html = _ORDERED_LIST.sub(_number_items, html)
    html = _LIST_ITEM.sub("- ", html)
    text = unescape(strip_tags(_BLOCK_END.sub("\n\n", html)))
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def fill_branch(text, branch, before=""):
    """`text` with `branch` in place of the placeholder ("This branch" at a sentence's start when none is given).

    `before` is the text just before this piece (the Word and PDF files fill the
    motion in pieces of bold and plain text), so a sentence's start is known.
    """
    if not branch:
        text = _SENTENCE_START.sub(_("This branch"), before + text)[len(before) :]
    return text.replace(BRANCH_PLACEHOLDER, branch or _("this branch"))


def motion_text(html, branch=""):
    """The motion's plain text with `branch` in place of the placeholder ("This branch" when none is given)."""
    return fill_branch(rich_text_to_plain(html), branch)
