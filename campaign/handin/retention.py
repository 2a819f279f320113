"""Old hand-in packs are deleted, file and row: a pack lists every public signatory as they were that day.

A pack is a copy of names made for one hand-in. Kept for ever, it would outlive the signatures it copies
(a withdrawn signer stays in last year's pack, and anonymising a closed statement would leave its names in
the storage), so the nightly `tasks.prune_handin_packs` deletes packs asked for more than HANDIN_PACK_DAYS
days ago (the setting; PACK_DAYS when it is not set). An organiser who needs one later makes a new pack,
with the names as they are then. The sheets' batches stay: they hold no one's name.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import HandinPack

logger = logging.getLogger(__name__)

PACK_DAYS = 30  # the default of settings.HANDIN_PACK_DAYS
CHUNK = 200  # packs read at a time


def pack_days():
    """How many days a pack is kept: settings.HANDIN_PACK_DAYS, or PACK_DAYS."""
    return int(getattr(settings, "HANDIN_PACK_DAYS", PACK_DAYS))


def prune_packs(days=None, now=None):
    """Delete the packs asked for more than `days` days ago (pack_days()): each file, then its row. Returns how many.

    A file the storage fails to delete keeps its row, so the next run tries again and no file is left
    that nothing names. One that is already gone (deleted by hand) is no failure.
    """
    days = pack_days() if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    deleted, after = 0, 0
    while True:
        old = list(HandinPack.objects.filter(requested_at__lt=cutoff, pk__gt=after).order_by("pk")[:CHUNK])
        if not old:
            break
        after = old[-1].pk
        for pack in old:
            if pack.file:
                try:
                    pack.file.delete(save=False)
                except OSError:
                    logger.exception("Hand-in pack %s: its file could not be deleted", pack.pk)
                    continue
            pack.delete()
            deleted += 1
    if deleted:
        logger.info("hand-in packs pruned", extra={"packs": deleted, "days": days})
    return deleted
