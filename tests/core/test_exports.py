"""What makes a spreadsheet cell safe: anything a spreadsheet would run as a formula becomes text."""

import pytest

from core.exports import defuse_formula


@pytest.mark.parametrize(
    "typed",
    [
        '=HYPERLINK("http://evil.example","Click")',
        "+1+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
        "  =1+1",
    ],
)
def test_formulas_become_text(typed):
    assert defuse_formula(typed) == "'" + typed


@pytest.mark.parametrize("typed", ["Zoë Ó Súilleabháin", "-", "-12", "+44", "3.5", "", "a=b", "user@example.org"])
def test_plain_text_and_numbers_are_left_alone(typed):
    assert defuse_formula(typed) == typed
