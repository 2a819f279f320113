"""How the statement tells visitors where it stands: the sentence about who has signed, and the next milestone.

Editors set milestones as a list of numbers ("100, 500, 1000, 2000"): a bar
towards a near target moves visibly, where one far goal ("0% of 1,000")
looks empty for weeks. The home page's front door uses the same sentence.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext


def signed_summary(counts):
    """'1,204 people and 37 organisations have signed'; None before anyone has."""
    people, organisations = counts["people"], counts["organisations"]
    if not people and not organisations:
        return None
    people_text = ngettext("%(count)s person", "%(count)s people", people) % {"count": f"{people:,}"}
    organisations_text = ngettext("%(count)s organisation", "%(count)s organisations", organisations) % {
        "count": f"{organisations:,}"
    }
    if people and organisations:
        return _("%(people)s and %(organisations)s have signed") % {
            "people": people_text,
            "organisations": organisations_text,
        }
    signers = people_text if people else organisations_text
    if counts["total"] == 1:
        return _("%(signers)s has signed") % {"signers": signers}
    return _("%(signers)s have signed") % {"signers": signers}


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
            gettext_lazy("Please give whole numbers above 0, separated by commas: for example 100, 500, 1000.")
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
        "label": _("%(total)s of %(target)s") % {"total": f"{total:,}", "target": f"{target:,}"},
    }
