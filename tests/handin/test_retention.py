"""Old hand-in packs are deleted, their files with them, by a nightly job; recent ones and the sheets' batches stay."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from campaign.handin import retention
from campaign.handin.models import HandinPack, SheetBatch
from core.schedule import scheduled_jobs
from tests.html import visible_text

from .factories import HandinPackFactory, SheetBatchFactory

pytestmark = pytest.mark.django_db


def pack_asked(page, days_ago, now):
    pack = HandinPackFactory(page=page, status=HandinPack.Status.READY)
    pack.file.save("hand-in-pack.pdf", ContentFile(b"%PDF-1.7 names"), save=False)
    HandinPack.objects.filter(pk=pack.pk).update(file=pack.file.name, requested_at=now - timedelta(days=days_ago))
    pack.refresh_from_db()
    return pack


def test_packs_older_than_the_setting_go_with_their_files(statement_page, settings):
    settings.HANDIN_PACK_DAYS = 7
    now = timezone.now()
    old = pack_asked(statement_page, 8, now)
    recent = pack_asked(statement_page, 6, now)
    SheetBatchFactory(page=statement_page)

    assert retention.prune_packs(now=now) == 1

    assert list(HandinPack.objects.all()) == [recent]
    assert not default_storage.exists(old.file.name)
    assert default_storage.exists(recent.file.name)
    assert SheetBatch.objects.count() == 1  # no one's name is on a batch


def test_without_the_setting_packs_are_kept_thirty_days(statement_page, settings):
    if hasattr(settings, "HANDIN_PACK_DAYS"):
        del settings.HANDIN_PACK_DAYS
    now = timezone.now()
    pack_asked(statement_page, 29, now)
    pack_asked(statement_page, 31, now)

    assert retention.pack_days() == 30
    assert retention.prune_packs(now=now) == 1
    assert HandinPack.objects.count() == 1


def test_a_failed_or_unfinished_old_pack_without_a_file_goes_too(statement_page):
    now = timezone.now()
    for status in (HandinPack.Status.FAILED, HandinPack.Status.QUEUED):
        pack = HandinPackFactory(page=statement_page, status=status)
        HandinPack.objects.filter(pk=pack.pk).update(requested_at=now - timedelta(days=40))

    assert retention.prune_packs(now=now) == 2
    assert not HandinPack.objects.exists()


def test_a_file_already_gone_is_no_failure(statement_page):
    now = timezone.now()
    pack = pack_asked(statement_page, 40, now)
    default_storage.delete(pack.file.name)

    assert retention.prune_packs(now=now) == 1


def test_a_file_the_storage_cannot_delete_keeps_its_row_for_the_next_run(statement_page, monkeypatch):
    now = timezone.now()
    pack = pack_asked(statement_page, 40, now)
    other = pack_asked(statement_page, 41, now)

    def broken(name):
        if name == pack.file.name:
            raise OSError("storage unavailable")
        return stored_delete(name)

    stored_delete = default_storage.delete
    monkeypatch.setattr(default_storage, "delete", broken)

    assert retention.prune_packs(now=now) == 1

    assert list(HandinPack.objects.all()) == [pack]
    assert not default_storage.exists(other.file.name)


def test_many_old_packs_are_read_a_chunk_at_a_time(statement_page, monkeypatch):
    monkeypatch.setattr(retention, "CHUNK", 2)
    now = timezone.now()
    for _ in range(5):
        pack_asked(statement_page, 40, now)

    assert retention.prune_packs(now=now) == 5
    assert not HandinPack.objects.exists()


def test_the_pruning_runs_nightly():
    task, crontab = scheduled_jobs()["campaign.handin.tasks.prune_handin_packs"]
    assert crontab == "50 3 * * *"


def test_the_hand_in_screen_says_how_long_packs_are_kept(client, organiser, statement_page, settings):
    settings.HANDIN_PACK_DAYS = 14
    client.force_login(organiser)

    text = visible_text(client.get("/admin/handin/"))

    assert "Packs are deleted 14 days after they are asked for" in text
