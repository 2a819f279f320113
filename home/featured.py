"""What the home page puts in a phone's first screen: the statement to sign, how many have signed, who lately.

Three bounded queries (the statement, its kept counters, the newest few public
signatures through the signatories list's index), never a count of signatures,
so the home page costs the same at ten signatures or a million. The count is
in the statement page's words (statements/includes/counts.html) and as fresh:
both pages are cached for PAGE_CACHE_SECONDS, and a withdrawal empties the cache.
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from statements.models import StatementPage
from statements.progress import signed_summary

RECENT_SIGNERS = 6
NUMBER = re.compile(r"(\d[\d,]*)")


def featured_statement(home_page):
    """The first live, public statement under this home page still open for signing (in the tree's order).

    When every one has closed, the first of them (its final count); None if there is none.
    """
    statements = list(StatementPage.objects.live().public().descendant_of(home_page).order_by("path"))
    # Closed or not as the original is (a translation keeps its own copy of the field, never read: #29).
    return next((statement for statement in statements if not statement.is_closed()), None) or next(
        iter(statements), None
    )


def recent_signers(statement, limit=RECENT_SIGNERS):
    """The newest public signatures of both kinds, as the statement lists them (its index, newest first)."""
    return list(statement.counted_page.signatures.listed()[:limit])  # a translation's are the original's (#29)


def with_big_numbers(summary):
    """The statement's sentence, word for word, with each number marked up to stand out (None stays None)."""
    if summary is None:
        return None
    # Split before escaping (the numbers at odd places), so an entity's digits are never taken for a number.
    pieces = NUMBER.split(summary)
    return mark_safe(
        "".join(
            format_html('<span class="count-number">{}</span>', piece) if index % 2 else escape(piece)
            for index, piece in enumerate(pieces)
        )
    )


def featured_context(home_page):
    """Template context for the home page's opening: the statement, its count and milestone, its latest signers."""
    statement = featured_statement(home_page)
    if statement is None:
        return {"statement": None}
    counts = statement.counts()
    return {
        "statement": statement,
        "counts": counts,
        "signed_summary": with_big_numbers(signed_summary(counts)),
        "progress": statement.progress(counts["total"]),
        "recent_signers": recent_signers(statement),
    }
