"""What each app holds about an address, for the person's "your data" page, and how to erase it.

Apps register in a `personal_data.py` module (core autodiscovers it, as it
does `emails.py`), so core shows a person their signatures without naming
the statements app.
"""

from dataclasses import dataclass, field


@dataclass
class Holding:
    """One thing held: a heading ("Your signature on ...") and lines of what it holds."""

    heading: str
    lines: list = field(default_factory=list)


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
