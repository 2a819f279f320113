"""Small query helpers every app uses."""


def get_or_none(rows, pk):
    """The row of `rows` (a manager or a queryset) whose primary key is `pk`, or None.

    get(), not filter(pk=...).first(): first() adds an ORDER BY to a lookup of
    one row, which cost the email worker more than the lookup itself.
    """
    try:
        return rows.get(pk=pk)
    except rows.model.DoesNotExist:
        return None
