"""The motion's rich text as headings, paragraphs and lists of styled runs, for the Word and PDF files.

Editors write the motion in Wagtail's rich text (paragraphs, h2/h3, numbered
and bulleted lists, bold, italic); the downloads keep that shape, so a branch
secretary gets numbered lists that Word keeps numbering.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .text import fill_branch

_SPACES = re.compile(r"\s+")
HEADINGS = {"h2": 1, "h3": 2, "h4": 3}


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    """A heading (`level` 1-3), a paragraph, or a list (`items`, each a list of runs)."""

    kind: str
    runs: list = field(default_factory=list)
    level: int = 0
    ordered: bool = False
    items: list = field(default_factory=list)

    @property
    def text(self):
        return "".join(run.text for run in self.runs)


class _MotionParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.runs, self.list = [], None, None
        self.bold = self.italic = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("b", "strong"):
            self.bold += 1
        elif tag in ("i", "em"):
            self.italic += 1
        elif tag in ("ol", "ul"):
            self.list = Block("list", ordered=tag == "ol")
            self.blocks.append(self.list)
        elif tag == "li":
            self.runs = []
            if self.list is None:  # an item outside any list reads as a paragraph
                self.blocks.append(Block("paragraph", runs=self.runs))
            else:
                self.list.items.append(self.runs)
        elif tag in HEADINGS or tag in ("p", "blockquote"):
            self.runs = []
            kind = "heading" if tag in HEADINGS else "paragraph"
            self.blocks.append(Block(kind, runs=self.runs, level=HEADINGS.get(tag, 0)))
        elif tag == "br":
            self.handle_data(" ")

    def handle_endtag(self, tag):
        if tag in ("b", "strong"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("i", "em"):
            self.italic = max(0, self.italic - 1)
        elif tag in ("ol", "ul"):
            self.list = None
        elif tag == "li" or tag in HEADINGS or tag in ("p", "blockquote"):
            self.runs = None

    def handle_data(self, data):
        text = _SPACES.sub(" ", data)
        if self.runs is None:
            if not text.strip():
                return
            self.runs = []  # loose text between blocks becomes a paragraph of its own
            self.blocks.append(Block("paragraph", runs=self.runs))
        self.runs.append(Run(text, bool(self.bold), bool(self.italic)))


def _tidy(runs, branch):
    """Trim the edges of the block, drop empty runs and fill in the branch."""
    if runs:
        runs[0].text = runs[0].text.lstrip()
        runs[-1].text = runs[-1].text.rstrip()
    runs = [run for run in runs if run.text]
    before = ""
    for run in runs:
        run.text = fill_branch(run.text, branch, before)
        before += run.text
    return runs


def motion_blocks(html, branch=""):
    """The motion's blocks with `branch` in place of the placeholder; empty blocks left out."""
    parser = _MotionParser()
    parser.feed(html)
    parser.close()
    blocks = []
    for block in parser.blocks:
        if block.kind == "list":
            block.items = [runs for runs in (_tidy(item, branch) for item in block.items) if runs]
            if block.items:
                blocks.append(block)
        else:
            block.runs = _tidy(block.runs, branch)
            if block.runs:
                blocks.append(block)
    return blocks
