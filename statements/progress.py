"""How the statement tells visitors where it stands: the sentence about who has signed, and the next milestone.

Editors set milestones as a list of numbers ("100, 500, 1000, 2000"): a bar
towards a near target moves visibly, where one far goal ("0% of 1,000")
looks empty for weeks. The home page's front door uses the same sentence.
"""

from django.core.exceptions import ValidationError


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


def parse_milestones(text):
    """The numbers in an editor's comma-separated list, smallest first; anything else raises ValueError."""
    numbers = set()
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip().replace("_", "").replace(" ", "")
        if not part:
            continue
        number = int(part.replace(",", ""))
        if number <= 0:
            raise ValueError(part)
        numbers.add(number)
    return sorted(numbers)


def validate_milestones(text):
    try:
        parse_milestones(text)
    except ValueError as error:
        raise ValidationError(
            "Please give whole numbers above 0, separated by commas: for example 100, 500, 1000."
        ) from error


def milestone(total, milestones):
    """The bar to show: the next milestone above `total`, or the last one once all are passed; None without any.

    Returns {"value", "target", "reached", "label"}: value is what the bar shows (never more than the target).
    """
    if not milestones:
        return None
    target = next((number for number in milestones if number > total), milestones[-1])
    reached = total >= target
    return {
        "value": min(total, target),
        "target": target,
        "reached": reached,
        "label": f"{total:,} of {target:,}",
    }
