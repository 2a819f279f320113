"""A statement's confirmed signatures by Westminster constituency, read from the kept counters.

A signature found in the postcode lookup (core.places) at signing carries its constituency's ONS
code, never the postcode, and adds to the counter "c:<code>" once confirmed, as it adds to its
region's and union's (statements.models.movement.count_keys; `recount_signatures` rebuilds them).
So reading these counts never counts signatures: the counters in one query, the names in one more.
"""

import re

from django.db.models import Sum

from core.places.lookup import constituency_names

from .models import SignatureCount
from .models.movement import CONSTITUENCY_KEY

# What a constituency's ONS code looks like (E14001319): a filter given anything else is refused.
CONSTITUENCY_CODE = re.compile(r"[ENSW][0-9]{8}")


def counted_codes(totals):
    """{code: n} of the constituencies in a statement's kept totals ({key: n}) with anyone counted."""
    return {
        key.removeprefix(CONSTITUENCY_KEY): count
        for key, count in totals.items()
        if key.startswith(CONSTITUENCY_KEY) and count > 0
    }


def counts_by_constituency(page, totals=None):
    """[(code, name, n)] for the constituencies where people have signed `page`, largest first, then by name.

    `totals` are the page's kept counters when the caller has read them already (statement.json
    has); a code the lookup no longer holds is named by its code.
    """
    counts = counted_codes(page.counter_totals() if totals is None else totals)
    names = constituency_names(counts) if counts else {}
    rows = [(code, names.get(code, code), count) for code, count in counts.items()]
    return sorted(rows, key=lambda row: (-row[2], row[1]))


def count_in(page_id, code):
    """How many confirmed signatures of the statement are counted in one constituency: one small query."""
    found = SignatureCount.objects.filter(page_id=page_id, kind=CONSTITUENCY_KEY + code).aggregate(n=Sum("count"))
    return found["n"] or 0


def one_of(signature):
    """(n, constituency name) for the thank-you page's "You are one of n people in ...", or None.

    None when there is nothing true to say: no signature, no constituency, not yet counted
    (waiting or held), or a constituency the lookup cannot name.
    """
    if signature is None or not signature.constituency or not signature.is_confirmed:
        return None
    count = count_in(signature.page_id, signature.constituency)
    name = constituency_names([signature.constituency]).get(signature.constituency) if count > 0 else None
    return (count, name) if name else None


def codes_with_signatures():
    """The constituencies any statement has confirmed signatures in (for the admin's filter): one query.

    Read from the kept counters, a small table, never by scanning signatures.
    """
    rows = (
        SignatureCount.objects.filter(kind__startswith=CONSTITUENCY_KEY)
        .values("kind")
        .annotate(total=Sum("count"))
        .filter(total__gt=0)
        .values_list("kind", flat=True)
    )
    return [kind.removeprefix(CONSTITUENCY_KEY) for kind in rows]


def by_constituency_for_json(page, totals):
    """statement.json's "by_constituency": {code: {"name": ..., "count": n}}, largest first."""
    return {code: {"name": name, "count": count} for code, name, count in counts_by_constituency(page, totals)}
