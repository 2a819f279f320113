"""What the home page puts in a phone's first screen: the statement to sign and how many have signed.

Two bounded queries (the statement, then its kept counters), never a count
of signatures, so the home page costs the same at ten signatures or a million.
"""

from statements.models import StatementPage
from statements.progress import signed_summary


def featured_statement(home_page):
    """The first live, public statement under this home page (in the tree's order); None if there is none."""
    return StatementPage.objects.live().public().descendant_of(home_page).order_by("path").first()


def front_door(home_page):
    """Template context for the home page's opening: the statement and the sentence about its signatures."""
    statement = featured_statement(home_page)
    if statement is None:
        return {"statement": None, "signed_summary": None}
    return {"statement": statement, "signed_summary": signed_summary(statement.counts())}
