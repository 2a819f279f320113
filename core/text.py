"""Cleaning what a visitor types into a one-line field that ends up in a file, a subject or a header."""

import unicodedata

# Control characters, surrogates, non-characters (U+FFFE, U+FFFF ...) and line or paragraph
# separators: none prints, and XML (a .docx), email headers and PDFs refuse some of them.
UNPRINTABLE = {"Cc", "Cs", "Cn", "Zl", "Zp"}


def one_line(value):
    """`value` as one printable line: unprintable characters become spaces, runs of white space one space."""
    printable = "".join(" " if unicodedata.category(char) in UNPRINTABLE else char for char in value or "")
    return " ".join(printable.split())
