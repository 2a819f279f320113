"""Confirmed-signature counts, kept rather than counted per request.

One row per (statement, kind, slot). Confirming adds 1 to a random slot with
an atomic UPDATE ... SET count = count + 1, so concurrent confirmations spread
over several rows instead of queueing on one hot row (the lesson of the UK
Parliament petitions site's 2019 surge); reading sums a handful of rows.
`manage.py recount_signatures` recomputes them from the signatures.
"""

import random

from django.db import IntegrityError, connection, models, transaction
from django.db.models import F, Sum

SLOTS = 8


class SignatureCount(models.Model):
    wagtail_reference_index_ignore = True  # bookkeeping, not content

    page = models.ForeignKey("statements.StatementPage", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    slot = models.PositiveSmallIntegerField(default=0)
    count = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "kind", "slot"], name="one_counter_per_slot"),
        ]

    def __str__(self):
        return f"{self.kind} slot {self.slot}: {self.count}"

    @classmethod
    def add(cls, page_id, kind, delta):
        """Add `delta` to the count of `kind` for a statement, atomically.

        Increments go to a random slot, creating it if needed. Decrements (rare:
        a withdrawal) take any existing slot and never create one, so deleting
        a whole statement, whose counters go with it, leaves nothing behind.
        Slots may go below zero; only their sum means anything.
        """
        if delta < 0:
            slot_pk = cls.objects.filter(page_id=page_id, kind=kind).values_list("pk", flat=True).first()
            if slot_pk is not None:
                cls.objects.filter(pk=slot_pk).update(count=F("count") + delta)
            return
        slot = random.randrange(SLOTS)
        if cls.add_to_slot(page_id, kind, slot, delta):
            return
        try:
            with transaction.atomic():
                cls.objects.create(page_id=page_id, kind=kind, slot=slot, count=delta)
        except IntegrityError:  # another request created the slot first
            cls.add_to_slot(page_id, kind, slot, delta)

    @classmethod
    def add_to_slot(cls, page_id, kind, slot, delta):
        """UPDATE one slot's count by `delta` in the database; True if the slot exists.

        Written as SQL: every confirmation runs it for each of its counters, and
        the ORM took longer to build the statement than the database to run it.
        """
        table = connection.ops.quote_name(cls._meta.db_table)  # the values go as parameters
        sql = f'UPDATE {table} SET "count" = "count" + %s WHERE "page_id" = %s AND "kind" = %s AND "slot" = %s'
        with connection.cursor() as cursor:
            cursor.execute(sql, [delta, page_id, kind, slot])
            return cursor.rowcount > 0

    @classmethod
    def change(cls, moves):
        """The one way counts change: apply {(page_id, kind): delta}, in the order of (page, kind).

        Confirming, an organiser's edit, a deletion and a review's invalidation
        all come here. Transactions that lock counters in the same order never
        wait on each other in a cycle, so concurrent confirmations and
        withdrawals never deadlock (a single UPDATE over several counters locks
        rows in the plan's order, not ours, and did).
        """
        for page_id, kind in sorted(moves):
            if moves[page_id, kind]:
                cls.add(page_id, kind, moves[page_id, kind])

    @classmethod
    def totals(cls, page_id):
        """{kind: count} for one statement, in one small query."""
        rows = cls.objects.filter(page_id=page_id).values("kind").annotate(total=Sum("count"))
        return {row["kind"]: row["total"] for row in rows}

    @classmethod
    def reset(cls, page_id, counts):
        """Replace the counts of a statement with `counts` ({kind: n}): used by the recount."""
        with transaction.atomic():
            cls.objects.filter(page_id=page_id).delete()
            cls.objects.bulk_create(
                cls(page_id=page_id, kind=kind, slot=0, count=count) for kind, count in counts.items()
            )
