"""Small query helpers every app uses."""


def by_pk(rows, pk):
    """The row of `rows` (a manager or a queryset) whose primary key is `pk`, or None.

    get(), not filter(pk=...).first(): first() adds ORDER BY pk to a lookup
    that finds one row or none, and building that ORDER BY was half of the
    email worker's CPU per message in a surge (py-spy). Tokens, receipts and
    queued tasks all find their row this way.
    """
    try:
        return rows.get(pk=pk)
    except rows.model.DoesNotExist:
        return None
