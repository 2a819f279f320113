"""How many signers in each constituency asked to be introduced: for the organisers' list of where to take
the motion (campaign.motion.targets)."""

from django.db.models import Count

from statements.models import Signature


def wanting_introductions(codes):
    """{constituency code: people (distinct addresses) there with a confirmed signature asking}: one query."""
    rows = (
        Signature.objects.confirmed()
        .filter(introduce_me=True, constituency__in=list(codes))
        .exclude(email_normalised="")
        .order_by()
        .values_list("constituency")
        .annotate(Count("email_normalised", distinct=True))
    )
    return dict(rows)
