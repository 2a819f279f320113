"""Building a hand-in pack in the background: parts on a temporary disk, joined, then kept in the default storage;
and, nightly, deleting packs older than HANDIN_PACK_DAYS (retention.py).

The worker's memory stays that of one part (packing.PART_SIZE names) however many have signed.
A build that fails says so on the pack (status "failed", and why for whoever looks after the site)
and is raised again, so the task queue records it failed too.
"""

import logging
import tempfile
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext
from django_tasks import task

from core.queries import get_or_none
from core.schedule import scheduled
from core.site_settings import imprint_for

from .joining import join
from .models import HandinPack
from .packing import Parts, draw_pack
from .pdf import page_language
from .retention import prune_packs

logger = logging.getLogger(__name__)


def request_pack(page, user):
    """A new pack of `page`, queued to be built once the asking transaction commits."""
    pack = HandinPack.objects.create(page=page, requested_by=user)
    transaction.on_commit(lambda: build_handin_pack.enqueue(pack.pk))
    return pack


@task()
def build_handin_pack(pack_id):
    pack = get_or_none(HandinPack.objects.select_related("page"), pack_id)
    if pack is None or pack.status == HandinPack.Status.READY:
        return
    HandinPack.objects.filter(pk=pack.pk).update(status=HandinPack.Status.BUILDING, problem="")
    try:
        build(pack)
    except Exception as error:
        logger.exception("Hand-in pack %s failed", pack.pk)
        HandinPack.objects.filter(pk=pack.pk).update(
            status=HandinPack.Status.FAILED, finished_at=timezone.now(), problem=f"{type(error).__name__}: {error}"
        )
        raise


def build(pack):
    page = pack.page.specific
    with tempfile.TemporaryDirectory(prefix="handin-") as folder, translation.override(page_language(page)):
        title = gettext("Hand-in pack: %(title)s") % {"title": page.title}
        parts = Parts(Path(folder), imprint_for(site=page.get_site()), title)
        listed = draw_pack(parts, page, parts.imprint)
        joined = Path(folder) / "pack.pdf"
        pages = join(parts.paths, joined)
        with open(joined, "rb") as content:
            pack.file.save(f"hand-in-pack-{slugify(page.title)[:60]}.pdf", File(content), save=False)
    pack.status, pack.pages, pack.signatories, pack.finished_at = HandinPack.Status.READY, pages, listed, timezone.now()
    pack.save(update_fields=["file", "status", "pages", "signatories", "finished_at"])


@scheduled("50 3 * * *")
@task()
def prune_handin_packs():
    """Delete hand-in packs (file and row) asked for more than HANDIN_PACK_DAYS days ago (default 30)."""
    prune_packs()
