"""What the home page puts in a phone's first screen: the statement to sign and how many have signed.

Two bounded queries (the statement, then its kept counters), never a count
of signatures, so the home page costs the same at ten signatures or a million.
"""

from statements.models import StatementPage


def featured_statement(home_page):
    """The first live, public statement under this home page (in the tree's order); None if there is none."""
    return StatementPage.objects.live().public().descendant_of(home_page).order_by("path").first()


def plural(number, one, many):
    return f"{number:,} {one if number == 1 else many}"


def signed_summary(counts):
    """'1,204 people and 37 organisations have signed'; None before anyone has."""
    people, organisations = counts["people"], counts["organisations"]
    parts = []
    if people:
        parts.append(plural(people, "person", "people"))
    if organisations:
        parts.append(plural(organisations, "organisation", "organisations"))
    if not parts:
        return None
    verb = "has" if len(parts) == 1 and counts["total"] == 1 else "have"
    return f"{' and '.join(parts)} {verb} signed"


def front_door(home_page):
    """Template context for the home page's opening: the statement and the sentence about its signatures."""
    statement = featured_statement(home_page)
    if statement is None:
        return {"statement": None, "signed_summary": None}
    return {"statement": statement, "signed_summary": signed_summary(statement.counts())}
