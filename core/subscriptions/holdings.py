"""What each app holds about an address, for the person's "your data" page, and how to erase it.

Apps register in a `personal_data.py` module (core autodiscovers it, as it
does `emails.py`), so core shows a person their signatures without naming
the statements app.
"""

from dataclasses import dataclass, field


@dataclass
class Holding:
    """One thing held: a heading ("Your signature on ..."), lines of what it holds, and optionally a link to
    change it (`link_url`, absolute or from the site's root, and the words `link_text`)."""

    heading: str
    lines: list = field(default_factory=list)
    link_url: str = ""
    link_text: str = ""


@dataclass(frozen=True)
class Source:
    describe: object  # describe(email) -> list of Holding
    erase: object  # erase(email): delete everything of the address's


_sources = []


def register_personal_data(describe, erase):
    _sources.append(Source(describe, erase))


def describe(email):
    return [holding for source in _sources for holding in source.describe(email)]


def erase(email):
    for source in _sources:
        source.erase(email)
