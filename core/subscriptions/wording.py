"""The words a person agreed to, by version.

A consent row keeps the version, not the text: the texts live here and are
never edited once used, only added to. A change of wording is a new version
(and CURRENT moves to it), so anyone can later see exactly what a person was
asked when they agreed.
"""

WORDINGS = {
    "updates-1": "Send me campaign updates by email (about once a month; stop them at any time)",
}
CURRENT = "updates-1"


def text_of(version):
    """The words of `version`, or a plain note for one this code does not know (never an error on a page)."""
    return WORDINGS.get(version, f"(wording {version})")
